extension WebAssets {
    /// `display.js`: the citizen-facing screen of one desk; asks every second what the desk shows.
    static let display = #"""
    'use strict';
    (() => {
      const { api, isSettled, $ } = FD;
      const desk = document.body.dataset.desk;
      let shownQR = null, failures = 0;

      function only(id) { ['idle', 'pay', 'done'].forEach((name) => { $(name).hidden = name !== id; }); }

      function render(view) {
        if (!view || view.cancelled || (!view.qr && !isSettled(view))) { only('idle'); shownQR = null; return; }
        if (isSettled(view)) {
          $('done-amount').textContent = view.amountText;
          $('done-code').textContent = 'Hồ sơ ' + view.code;
          only('done');
          return;
        }
        if (view.qr !== shownQR) { $('qr').src = view.qr; shownQR = view.qr; }
        $('amount').textContent = view.amountText;
        $('words').textContent = view.amountWords;
        $('reference').textContent = view.reference;
        $('bank').textContent = view.bank;
        $('account').textContent = 'Số tài khoản ' + view.account + ' · ' + view.holder;
        $('status').textContent = view.status === 'partially_paid'
          ? 'Đã nhận một phần: vui lòng quét mã để trả số còn lại' : 'Đang chờ thanh toán…';
        only('pay');
      }

      async function tick() {
        try {
          const state = await api('GET', '/api/v1/desks/' + encodeURIComponent(desk) + '/current');
          failures = 0;
          $('connection').textContent = '';
          render(state.dossier);
        } catch (e) {
          failures += 1;
          if (failures >= 3) $('connection').textContent = 'Mất kết nối với máy chủ, đang thử lại…';
        } finally {
          setTimeout(tick, 1000);
        }
      }
      tick();
    })();
    """#
}
