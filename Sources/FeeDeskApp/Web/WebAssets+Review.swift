extension WebAssets {
    /// `review.js`: the review queue. Reads `GET /api/v1/review`, shows each credit with what is wrong,
    /// its memo, payer, dossiers and ranked suggestions, and posts assign / refund / ignore / undo, each
    /// with a required reason. An item resolved on this page stays in place, collapsed, with its undo.
    /// Memos and names are untrusted: they are only ever placed with `textContent`.
    static let review = #"""
    'use strict';
    (() => {
      const { api, money, parseAmount, dateText, stampText, say, el, $ } = FD;
      const W = ReviewWords;
      const day = document.body.dataset.date || '';
      const queue = $('queue'), counter = $('queue-count'), queueMessage = $('queue-message');
      const source = '/api/v1/review' + (day ? '?date=' + day : '');
      const presets = {
        assign: ['Khớp theo gợi ý: mã trong nội dung sai một ký tự', 'Người nộp xác nhận qua điện thoại', 'Tách khoản chuyển cho nhiều hồ sơ'],
        refund: ['Người nộp chuyển thừa', 'Chuyển trùng, hồ sơ đã thanh toán', 'Không xác định được hồ sơ, trả lại người chuyển'],
        ignore: ['Nộp tiền mặt thu phí vào tài khoản', 'Lãi tiền gửi', 'Chuyển nội bộ giữa các tài khoản của trung tâm'],
        undo: ['Thao tác nhầm'],
      };
      let rows = [], first = true;

      async function refresh() {
        let fresh;
        try {
          fresh = await api('GET', source);
        } catch (e) {
          say(queueMessage, 'error', FD.explain(e, 'Không đọc được hàng chờ'), e.detail);
          return;
        }
        queueMessage.hidden = true;
        const byCredit = new Map(fresh.map((item) => [item.credit, item]));
        const next = [];
        for (const row of rows) {
          const item = byCredit.get(row.item.credit);
          if (item) { next.push({ item, notice: row.notice, resolved: false }); byCredit.delete(item.credit); }
          else if (row.notice) next.push({ item: row.item, notice: row.notice, resolved: true });
        }
        for (const item of byCredit.values()) next.push({ item, notice: null, resolved: false });
        next.sort((a, b) => (a.item.bookingDate < b.item.bookingDate ? -1 : a.item.bookingDate > b.item.bookingDate ? 1 : a.item.credit - b.item.credit));
        rows = next;
        render();
        if (first && location.hash) {
          const target = document.getElementById(location.hash.slice(1));
          if (target) { target.scrollIntoView({ block: 'center' }); target.classList.add('flash'); }
        }
        first = false;
      }

      function render() {
        const open = rows.filter((row) => !row.resolved);
        const done = rows.length - open.length;
        counter.textContent = (open.length ? open.length + ' khoản chờ xử lý · ' + money(open.reduce((s, r) => s + r.item.amount, 0)) : 'Không còn khoản nào chờ xử lý')
          + (done ? ' · đã xử lý ' + done + ' khoản trong phiên này' : '');
        counter.dataset.open = String(open.length);
        queue.textContent = '';
        if (!rows.length) {
          const empty = el('div', 'empty');
          empty.append(el('div', 'big-icon ok', '✓'), el('p', '', day ? 'Không có khoản nào của ngày ' + dateText(day) + ' chờ xử lý.' : 'Không có khoản nào chờ xử lý.'));
          const links = el('p');
          const upload = el('a', '', 'Nhập sao kê mới'); upload.href = '/statements';
          const close = el('a', '', 'Xem đối soát ngày' + (day ? ' ' + dateText(day) : '')); close.href = '/days' + (day ? '/' + day : '');
          links.append(upload, document.createTextNode(' · '), close);
          empty.append(links);
          queue.append(empty);
          return;
        }
        let group = null;
        for (const row of rows) {
          if (!group || group.date !== row.item.bookingDate) {
            group = { date: row.item.bookingDate };
            const head = el('div', 'group-head');
            const count = rows.filter((r) => r.item.bookingDate === group.date && !r.resolved).length;
            head.append(el('h2', '', 'Ngày ' + dateText(group.date)), el('span', 'sub', count ? count + ' khoản chờ xử lý' : 'đã xử lý hết'));
            const link = el('a', '', 'Đối soát và khoá sổ ngày này →'); link.href = '/days/' + group.date;
            head.append(link);
            queue.append(head);
          }
          queue.append(card(row));
        }
      }

      function card(row) {
        const { item } = row;
        const node = el('article', 'item' + (row.resolved ? ' resolved' : ''));
        node.id = 'credit-' + item.credit;
        const head = el('header', 'item-head');
        const title = el('div', 'item-title');
        title.append(el('span', 'pill ' + item.outcome, W.outcomes[item.outcome] || item.outcome),
          el('span', 'item-id', 'Khoản #' + item.credit),
          el('span', 'muted', (item.bookedAt ? stampText(item.bookedAt) : dateText(item.bookingDate)) + ' · ' + (item.source === 'callback' ? 'báo có trực tiếp' : 'sao kê')));
        head.append(title, el('div', 'item-amount', money(item.amount)));
        node.append(head);
        const memo = el('p', 'memo-line');
        memo.append(el('span', 'muted', 'Nội dung: '), el('code', 'memo', item.memo || '(trống)'));
        if (item.payer) memo.append(el('span', 'muted', ' · Người chuyển: '), el('strong', 'payer', item.payer));
        node.append(memo);
        const slot = el('div', 'item-message');
        if (row.resolved) {
          const line = el('div', 'resolved-line');
          line.append(el('span', 'ok-text', '✓ ' + row.notice.text));
          if (item.lastAction) line.append(buttons([['Hoàn tác', () => openForm(node, row, 'undo', {})]]));
          node.append(line, slot);
          return node;
        }
        if (row.notice) say(slot.appendChild(el('div')), row.notice.kind, row.notice.text, row.notice.detail);
        const body = el('div', 'item-body');
        const facts = el('div');
        facts.append(el('p', 'issue', W.issue(item)));
        if (item.dossiers.length) facts.append(el('p', '', 'Đang tính cho hồ sơ ' + item.dossiers.join(', ') + ' (' + money(item.allocated) + ').'));
        if (item.note) facts.append(el('small', 'detail', W.note(item.note)));
        const decide = el('div', 'decide');
        if (item.suggestions.length) {
          decide.append(el('h3', '', 'Gợi ý (không tự áp dụng)'));
          const list = el('ol', 'suggestions');
          item.suggestions.forEach((s, i) => {
            const li = el('li');
            const text = el('div');
            text.append(el('strong', 'mono', s.dossier), el('small', '', W.reason(s.reason)));
            const pick = el('button', i === 0 ? 'primary' : '', 'Gán vào hồ sơ này');
            pick.type = 'button';
            pick.addEventListener('click', () => openForm(node, row, 'assign', { dossier: s.dossier }));
            li.append(el('span', 'score', Math.round(s.score * 100) + '%'), text, pick);
            list.append(li);
          });
          decide.append(list);
        } else if (item.outcome === 'unmatched') {
          decide.append(el('p', 'hint', 'Không có hồ sơ nào còn phải nộp đúng số tiền này, và mã trong nội dung không gần mã nào.'));
        }
        const choices = [['Gán cho hồ sơ…', () => openForm(node, row, 'assign', {})],
          ['Hoàn trả', () => openForm(node, row, 'refund', {}), item.owedBack > 0], ['Không phải phí', () => openForm(node, row, 'ignore', {})]];
        if (item.lastAction) choices.push(['Hoàn tác: ' + (W.actions[item.lastAction.action] || item.lastAction.action), () => openForm(node, row, 'undo', {})]);
        decide.append(buttons(choices));
        body.append(facts, decide);
        node.append(body, slot);
        return node;
      }

      function buttons(list) {
        const bar = el('div', 'item-actions');
        list.forEach(([label, action, main]) => {
          const b = el('button', main ? 'primary' : '', label);
          b.type = 'button';
          b.dataset.action = label;
          b.addEventListener('click', action);
          bar.append(b);
        });
        return bar;
      }

      function field(form, id, label, input) {
        const l = el('label', '', label); l.htmlFor = id; input.id = id;
        form.append(l, input);
        return input;
      }

      function openForm(node, row, kind, options) {
        const old = node.querySelector('.act-form');
        if (old) old.remove();
        const item = row.item, free = item.amount - item.allocated, id = item.credit;
        const form = el('form', 'act-form');
        form.noValidate = true;
        const titles = {
          assign: options.dossier ? 'Gán vào hồ sơ ' + options.dossier : 'Gán cho hồ sơ (gán một phần rồi gán tiếp để tách cho nhiều hồ sơ)',
          refund: 'Xác nhận hoàn trả ' + money(item.owedBack > 0 ? item.owedBack : free) + ' cho người chuyển',
          ignore: 'Đánh dấu không phải phí (tiền mặt nộp vào tài khoản, lãi, chuyển nội bộ…)',
          undo: 'Hoàn tác thao tác "' + (item.lastAction ? W.actions[item.lastAction.action] || item.lastAction.action : '') + '"',
        };
        form.append(el('h3', '', titles[kind]));
        let code = null, amount = null;
        if (kind === 'assign' && !options.dossier) code = field(form, 'code-' + id, 'Mã hồ sơ', el('input'));
        if (kind === 'assign') {
          amount = field(form, 'amount-' + id, 'Số tiền (để trống: phần còn lại ' + money(free) + ', tối đa số hồ sơ còn phải nộp)', el('input'));
          amount.inputMode = 'numeric';
        }
        const reason = field(form, 'reason-' + id, 'Lý do (bắt buộc, được ghi vào nhật ký)', el('input'));
        reason.maxLength = 500;
        reason.setAttribute('list', 'reasons-' + kind);
        if (!document.getElementById('reasons-' + kind)) {
          const list = el('datalist'); list.id = 'reasons-' + kind;
          presets[kind].forEach((text) => { const o = el('option'); o.value = text; list.append(o); });
          document.body.append(list);
        }
        const bar = el('div', 'item-actions');
        const submit = el('button', kind === 'undo' || kind === 'ignore' ? 'danger' : 'primary', 'Xác nhận');
        submit.type = 'submit';
        const cancel = el('button', '', 'Huỷ');
        cancel.type = 'button';
        cancel.addEventListener('click', () => form.remove());
        const message = el('div', 'message');
        message.hidden = true;
        message.setAttribute('role', 'alert');
        bar.append(submit, cancel);
        form.append(bar, message);
        form.addEventListener('submit', (ev) => { ev.preventDefault(); send(row, kind, options, { form, code, amount, reason, submit, message }); });
        node.querySelector('.item-message').before(form);
        (code || reason).focus();
      }

      async function send(row, kind, options, f) {
        const bad = (input, text) => { input.setAttribute('aria-invalid', 'true'); input.focus(); say(f.message, 'error', text); };
        [f.code, f.amount, f.reason].forEach((input) => input && input.setAttribute('aria-invalid', 'false'));
        const body = { reason: f.reason.value.trim() };
        if (kind === 'assign') {
          body.dossier = options.dossier || f.code.value.trim();
          if (!body.dossier) return bad(f.code, 'Nhập mã hồ sơ cần gán.');
          if (f.amount.value.trim()) {
            const parsed = parseAmount(f.amount.value);
            if (parsed.error) return bad(f.amount, parsed.error);
            body.amount = parsed.value;
          }
        }
        if (!body.reason) return bad(f.reason, 'Nhập lý do: mọi thao tác đối soát đều cần lý do.');
        const item = row.item;
        const path = kind === 'undo' ? '/api/v1/review-actions/' + item.lastAction.id + '/undo' : '/api/v1/credits/' + item.credit + '/' + kind;
        f.submit.disabled = true;
        try {
          const after = await api('POST', path, body);
          row.item = after;
          row.notice = { kind: 'ok', text: done(kind, item, after, body) };
          await refresh();
        } catch (e) {
          f.submit.disabled = false;
          const what = { assign: 'Không gán được', refund: 'Không hoàn trả được', ignore: 'Không đánh dấu được', undo: 'Không hoàn tác được' }[kind];
          say(f.message, 'error', W.refusal(e, what), e.detail);
        }
      }

      function done(kind, before, after, body) {
        const free = after.amount - after.allocated;
        switch (kind) {
          case 'assign': return 'Đã gán ' + money(after.allocated - before.allocated) + ' vào hồ sơ ' + String(body.dossier).toUpperCase() + '.'
            + (free > 0 ? ' Còn ' + money(free) + ' chưa gán.' : '');
          case 'refund': return 'Đã xác nhận hoàn trả ' + money(after.owedBack) + ' cho người chuyển.';
          case 'ignore': return 'Đã đánh dấu không phải phí.';
          default: return 'Đã hoàn tác; khoản trở lại trạng thái "' + (W.outcomes[after.outcome] || after.outcome) + '".';
        }
      }

      $('reload').addEventListener('click', () => {
        rows = rows.filter((row) => !row.resolved).map((row) => ({ item: row.item, notice: null, resolved: false }));
        refresh();
      });
      refresh();
    })();
    """#
}
