extension WebAssets {
    /// `desk.js`: the fee desk page (search the schedule, register the fee, show the QR, poll the status,
    /// print the slip, take cash).
    static let desk = #"""
    'use strict';
    (() => {
      const { api, explain, money, digits, parseAmount, statusText, isSettled, say, el, $ } = FD;
      const user = document.body.dataset.user;
      const strictCodes = document.body.dataset.codePolicy === 'strict';
      const form = $('dossier-form'), search = $('fee-search'), results = $('fee-results'), chosen = $('fee-chosen');
      const codeInput = $('code'), applicant = $('applicant'), amount = $('amount'), create = $('create');
      const formMessage = $('form-message'), payMessage = $('payment-message');
      const cashForm = $('cash-form'), cashButton = $('cash-submit');
      let fee = null, current = null, timer = null, refreshing = false, busy = false;
      let options = [], active = -1, searchSeq = 0, searchTimer = null;
      const enc = encodeURIComponent;
      const mark = (input, bad) => input.setAttribute('aria-invalid', bad ? 'true' : 'false');

      /* The desk this browser serves; its citizen display is /display/<desk>. */
      const deskInput = $('desk-id'), displayLink = $('display-link');
      const deskPattern = /^[A-Za-z0-9._@-]{1,32}$/;
      const deskId = () => (deskPattern.test(deskInput.value.trim()) ? deskInput.value.trim() : user);
      function updateDesk() {
        const ok = deskPattern.test(deskInput.value.trim());
        mark(deskInput, !ok);
        if (ok) localStorage.setItem('feedesk.desk', deskInput.value.trim());
        displayLink.href = '/display/' + enc(deskId());
      }
      deskInput.value = localStorage.getItem('feedesk.desk') || user;
      deskInput.addEventListener('change', () => { updateDesk(); announce(current ? current.code : null); });
      updateDesk();

      /* Fee schedule search (the server folds tone marks and đ). */
      async function runSearch() {
        const seq = ++searchSeq;
        try {
          const list = await api('GET', '/api/v1/fees?q=' + enc(search.value.trim()));
          if (seq !== searchSeq || document.activeElement !== search) return;
          options = list; active = list.length ? 0 : -1; renderResults();
        } catch (e) { if (seq === searchSeq) say(formMessage, 'error', explain(e, 'Không tra được biểu phí'), e.detail); }
      }
      function renderResults() {
        results.textContent = '';
        if (!options.length) results.append(el('li', 'none', 'Không có thủ tục nào khớp "' + search.value.trim() + '".'));
        options.forEach((f, i) => {
          const li = el('li');
          li.setAttribute('role', 'option');
          li.setAttribute('aria-selected', String(i === active));
          const text = el('div');
          text.append(el('span', 'name', f.name), el('span', 'meta', f.procedure + ' · ' + f.field + ' · ' + f.kindName));
          li.append(text, el('span', 'price', f.amountText));
          li.addEventListener('mousedown', (ev) => { ev.preventDefault(); choose(i); });
          results.append(li);
        });
        results.hidden = false;
      }
      function choose(i) {
        fee = options[i];
        results.hidden = true;
        search.value = fee.name;
        mark(search, false);
        chosen.textContent = '';
        chosen.append(el('strong', '', fee.procedure + ' · ' + fee.kindName), el('span', '', fee.field + ' · ' + fee.amountText));
        chosen.hidden = false;
        amount.value = digits(fee.amount);
        mark(amount, false);
        codeInput.focus();
      }
      search.addEventListener('input', () => {
        fee = null; chosen.hidden = true;
        clearTimeout(searchTimer); searchTimer = setTimeout(runSearch, 120);
      });
      search.addEventListener('focus', () => { if (!fee) runSearch(); });
      search.addEventListener('blur', () => { results.hidden = true; });
      search.addEventListener('keydown', (ev) => {
        if (results.hidden || !options.length) return;
        if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
          active = (active + (ev.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length;
          renderResults(); ev.preventDefault();
        } else if (ev.key === 'Enter') { ev.preventDefault(); choose(active); }
        else if (ev.key === 'Escape') { results.hidden = true; }
      });

      /* Register the fee: validate here first, then one POST; the button stays disabled while it runs. */
      const codeShape = /^\d{3}\.\d{2}\.\d{2}\.[A-Za-z]\d{2}-\d{6}-\d{4,6}$/;
      form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        if (busy) return;
        formMessage.hidden = true;
        const problems = [];
        const typed = search.value.trim();
        mark(search, !fee);
        if (!fee) problems.push(typed ? 'Thủ tục "' + typed + '" không có trong biểu phí: hãy chọn một dòng trong danh sách.' : 'Chọn thủ tục trong biểu phí.');
        const code = codeInput.value.trim().toUpperCase();
        const badCode = !code || (strictCodes && !codeShape.test(code));
        mark(codeInput, badCode);
        if (!code) problems.push('Nhập mã hồ sơ.');
        else if (badCode) problems.push('Mã hồ sơ "' + code + '" không đúng dạng <mã đơn vị>-YYMMDD-NNNN, ví dụ ' + codeInput.placeholder + '.');
        const who = applicant.value.trim();
        mark(applicant, !who);
        if (!who) problems.push('Nhập họ tên người nộp.');
        const parsed = parseAmount(amount.value);
        mark(amount, Boolean(parsed.error));
        if (parsed.error) problems.push(parsed.error);
        if (problems.length) { say(formMessage, 'error', problems.join(' ')); return; }
        busy = true; create.disabled = true; create.textContent = 'Đang tạo mã QR…';
        try {
          const dossier = await api('POST', '/api/v1/dossiers',
                                    { code, procedure: fee.procedure, amount: parsed.value, applicant: who, desk: deskId() });
          await open(dossier.code, formMessage);
        } catch (e) {
          if (e.status === 409) {
            const box = say(formMessage, 'error', 'Mã hồ sơ ' + code + ' đã được đăng ký trước đó, không tạo lại.', e.detail);
            const again = el('button', '', 'Hiện mã QR của hồ sơ này');
            again.type = 'button';
            again.addEventListener('click', () => open(code, formMessage));
            box.append(again);
          } else {
            say(formMessage, 'error', explain(e, 'Không tạo được mã QR'), e.detail);
          }
        } finally {
          busy = false; create.disabled = false; create.textContent = 'Tạo mã QR';
        }
      });

      /* Show a dossier's payment and tell the citizen display about it. */
      async function open(code, messageBox) {
        try {
          const view = await api('GET', '/api/v1/dossiers/' + enc(code) + '/payment');
          current = null;
          payMessage.hidden = true; cashForm.hidden = true;
          render(view);
          history.replaceState(null, '', '/desk?dossier=' + enc(view.code));
          announce(view.code);
          stop();
          if (!isSettled(view) && !view.cancelled) timer = setInterval(refresh, 1000);
        } catch (e) {
          say(messageBox, 'error', explain(e, 'Không mở được hồ sơ ' + code), e.detail);
        }
      }
      function stop() { if (timer) { clearInterval(timer); timer = null; } }
      async function refresh() {
        if (!current || refreshing) return;
        refreshing = true;
        const code = current.code;
        try {
          const view = await api('GET', '/api/v1/dossiers/' + enc(code) + '/payment');
          if (current && current.code === code) { render(view); if (isSettled(view) || view.cancelled) stop(); }
          $('connection').hidden = true;
        } catch (e) {
          if (e.status === 0) $('connection').hidden = false;
        } finally { refreshing = false; }
      }
      async function announce(code) {
        try { await api('POST', '/api/v1/desks/' + enc(deskId()) + '/current', { dossier: code }); }
        catch (e) { say(payMessage, 'error', explain(e, 'Không cập nhật được màn hình công dân'), e.detail); }
      }

      function render(view) {
        const settled = isSettled(view);
        current = view;
        $('payment-empty').hidden = true;
        $('payment').hidden = false;
        const status = $('status');
        status.className = 'status ' + (view.cancelled ? 'cancelled' : settled ? 'paid' : 'pending');
        status.textContent = view.cancelled ? 'HỒ SƠ ĐÃ HUỶ' : (settled ? '✓ ' : '') + statusText[view.status];
        const qr = $('qr');
        if (view.qr && qr.getAttribute('src') !== view.qr) qr.src = view.qr;
        qr.hidden = !qr.getAttribute('src');
        $('paid-stamp').hidden = !settled;
        $('amount-figure').textContent = view.amountText;
        $('amount-words').textContent = '(' + view.amountWords + ')';
        $('reference').textContent = view.reference;
        $('bank').textContent = view.bank;
        $('account').textContent = view.account;
        $('holder').textContent = view.holder;
        $('p-code').textContent = view.code;
        $('p-procedure').textContent = view.procedureName || view.procedure;
        $('p-applicant').textContent = view.applicant || '—';
        $('p-paid').textContent = money(view.paid) + ' / ' + money(view.amountDue);
        $('print').disabled = !view.slip;
        $('cash-toggle').hidden = settled || view.cancelled;
        if (settled || view.cancelled) cashForm.hidden = true;
      }

      $('print').addEventListener('click', () => {
        if (!current || !current.slip) return;
        const slip = window.open(current.slip, '_blank');
        if (slip) slip.addEventListener('load', () => slip.print(), { once: true });
      });

      $('cash-toggle').addEventListener('click', () => {
        cashForm.hidden = !cashForm.hidden;
        if (!cashForm.hidden && current) { $('cash-amount').value = digits(current.outstanding); $('receipt').focus(); }
      });
      cashForm.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        if (!current || cashButton.disabled) return;
        const receipt = $('receipt').value.trim();
        const parsed = parseAmount($('cash-amount').value);
        mark($('receipt'), !receipt); mark($('cash-amount'), Boolean(parsed.error));
        if (!receipt) { say(payMessage, 'error', 'Nhập số biên lai thu tiền mặt.'); return; }
        if (parsed.error) { say(payMessage, 'error', parsed.error); return; }
        cashButton.disabled = true;
        try {
          await api('POST', '/api/v1/cash-payments', { dossier: current.code, amount: parsed.value, receipt });
          say(payMessage, 'ok', 'Đã ghi nhận ' + money(parsed.value) + ' tiền mặt, biên lai số ' + receipt + '.');
          $('receipt').value = '';
          cashForm.hidden = true;
          await refresh();
        } catch (e) {
          say(payMessage, 'error', e.status === 409 ? 'Không ghi nhận được: số biên lai đã dùng, hoặc hồ sơ đã được thanh toán.'
                                                     : explain(e, 'Không ghi nhận được tiền mặt'), e.detail);
        } finally { cashButton.disabled = false; }
      });

      $('next').addEventListener('click', () => {
        stop(); current = null; fee = null;
        form.reset(); chosen.hidden = true; formMessage.hidden = true; payMessage.hidden = true; cashForm.hidden = true;
        [search, codeInput, applicant, amount].forEach((input) => mark(input, false));
        $('payment').hidden = true; $('payment-empty').hidden = false; $('qr').removeAttribute('src');
        history.replaceState(null, '', '/desk');
        announce(null);
        search.focus();
      });

      const wanted = new URLSearchParams(location.search).get('dossier');
      if (wanted) open(wanted, formMessage); else search.focus();
    })();
    """#
}
