extension WebAssets {
    /// `day.js`: the close button of the day view. Closing asks for a confirmation; closing a day that
    /// still has blockers ("close anyway") needs a reason. On success the page reloads to show who closed it.
    static let day = #"""
    'use strict';
    (() => {
      const { api, explain, say, $ } = FD;
      const closeButton = $('close-day');
      if (!closeButton) return;
      const path = '/api/v1/days/' + document.body.dataset.date + '/close?account=' + encodeURIComponent(document.body.dataset.account);
      const confirmBox = $('close-confirm'), forceForm = $('force-form'), forceToggle = $('force-toggle');
      const reason = $('force-reason'), message = $('close-message');

      closeButton.addEventListener('click', () => { forceForm.hidden = true; confirmBox.hidden = false; $('close-yes').focus(); });
      $('close-no').addEventListener('click', () => { confirmBox.hidden = true; closeButton.focus(); });
      if (forceToggle) forceToggle.addEventListener('click', () => { confirmBox.hidden = true; forceForm.hidden = false; reason.focus(); });
      $('force-cancel').addEventListener('click', () => { forceForm.hidden = true; });

      function refusal(error) {
        const detail = error.detail || '';
        if (/already closed/.test(detail)) return 'Ngày này đã được khoá sổ trước đó. Tải lại trang (F5) để xem ai đã khoá.';
        if (/cannot be closed/.test(detail)) return 'Chưa khoá sổ được: vẫn còn vướng mắc (có thể vừa phát sinh). Tải lại trang (F5) để xem danh sách mới.';
        if (/needs a reason/.test(detail)) return 'Cần nhập lý do khoá sổ khi còn vướng mắc.';
        return explain(error, 'Không khoá sổ được');
      }

      async function close(body, button) {
        button.disabled = true;
        message.hidden = true;
        try {
          await api('POST', path, body);
          say(message, 'ok', 'Đã khoá sổ. Đang tải lại…');
          location.reload();
        } catch (e) {
          button.disabled = false;
          say(message, 'error', refusal(e), e.detail);
        }
      }

      $('close-yes').addEventListener('click', (ev) => close({}, ev.currentTarget));
      forceForm.addEventListener('submit', (ev) => {
        ev.preventDefault();
        const why = reason.value.trim();
        reason.setAttribute('aria-invalid', why ? 'false' : 'true');
        if (!why) { say(message, 'error', 'Nhập lý do khoá sổ khi còn vướng mắc: lý do được ghi vào nhật ký.'); reason.focus(); return; }
        close({ force: true, reason: why }, $('force-submit'));
      });
    })();
    """#
}
