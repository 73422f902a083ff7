extension WebAssets {
    /// `statements.js`: the statement upload page (file, profile, format, account; upload with a progress
    /// bar through `FD.upload`; then the import summary). File names and messages are placed with `textContent`.
    static let statements = #"""
    'use strict';
    (() => {
      const { upload, explain, money, stampText, say, el, $ } = FD;
      const form = $('upload-form'), file = $('file'), profile = $('profile'), format = $('format'), account = $('account');
      const allow = $('allow-unbalanced'), button = $('upload'), message = $('upload-message');
      const box = $('progress-box'), bar = $('progress'), barText = $('progress-text');
      const summary = $('summary'), empty = $('summary-empty');
      const limit = 64 * 1024 * 1024;
      let busy = false;

      const remembered = localStorage.getItem('feedesk.profile');
      if (remembered !== null && Array.from(profile.options).some((o) => o.value === remembered)) profile.value = remembered;
      profile.addEventListener('change', () => localStorage.setItem('feedesk.profile', profile.value));
      file.addEventListener('change', () => { file.setAttribute('aria-invalid', 'false'); message.hidden = true; });

      const outcomes = [['matched', 'Khớp hồ sơ'], ['underpaid', 'Nộp thiếu'], ['overpaid', 'Nộp thừa'], ['duplicate', 'Nộp trùng'], ['unmatched', 'Chưa xác định']];
      const formats = { mt940: 'MT940', camt053: 'camt.053 (XML)', camt054: 'camt.054 (XML)', csv: 'CSV / Excel-text' };
      const balances = {
        balanced: ['ok', 'Khớp: số dư đầu kỳ + ghi có − ghi nợ = số dư cuối kỳ'],
        unbalanced: ['bad', 'KHÔNG khớp: đã nhập có đánh dấu, cần kiểm tra với ngân hàng'],
        unchecked: ['warn', 'Tệp không có số dư để kiểm tra'],
      };

      function progress(fraction) {
        const percent = Math.round(fraction * 100);
        bar.value = percent;
        barText.textContent = percent < 100 ? 'Đang tải lên… ' + percent + '%' : 'Đã tải lên 100% — đang nhập và đối chiếu…';
      }

      function refusal(error, name) {
        if (error.status === 422 || error.status === 400 || error.status === 404) {
          return 'Không nhập được "' + name + '": tệp không đọc được như một sao kê ngân hàng, hoặc không khớp mẫu, tài khoản đã chọn. Không có dữ liệu nào được ghi.';
        }
        if (error.status === 413) return 'Tệp "' + name + '" lớn hơn 64 MB: hãy xuất sao kê theo từng khoảng ngày ngắn hơn.';
        return explain(error, 'Không nhập được sao kê');
      }

      form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        if (busy) return;
        message.hidden = true;
        const chosen = file.files[0];
        const bad = (text) => { file.setAttribute('aria-invalid', 'true'); say(message, 'error', text); file.focus(); };
        if (!chosen) return bad('Chọn tệp sao kê cần nhập.');
        if (chosen.size === 0) return bad('Tệp "' + chosen.name + '" rỗng.');
        if (chosen.size > limit) return bad('Tệp "' + chosen.name + '" lớn hơn 64 MB: hãy xuất sao kê theo từng khoảng ngày ngắn hơn.');
        const query = new URLSearchParams({ name: chosen.name, format: format.value });
        if (profile.value) query.set('profile', profile.value);
        if (account.value) query.set('account', account.value);
        if (allow.checked) query.set('allowUnbalanced', 'true');
        busy = true;
        button.disabled = true;
        box.hidden = false;
        box.className = 'progress';
        progress(0);
        try {
          const answer = await upload('/api/v1/statements?' + query.toString(), chosen, progress);
          barText.textContent = answer.data.alreadyImported ? 'Tệp đã nhập trước đó.' : 'Đã nhập xong.';
          box.classList.add('done');
          show(answer.data);
          file.value = '';
        } catch (e) {
          if (e.status) bar.value = 100;
          box.classList.add('failed');
          barText.textContent = 'Không nhập được.';
          say(message, 'error', refusal(e, chosen.name), e.detail);
        } finally {
          busy = false;
          button.disabled = false;
        }
      });

      function fact(list, term, value, id) {
        const dd = el('dd', '', value);
        if (id) dd.id = id;
        list.append(el('dt', '', term), dd);
        return dd;
      }

      function show(report) {
        summary.textContent = '';
        empty.hidden = true;
        summary.hidden = false;
        const head = el('div', 'summary-head ' + (report.alreadyImported ? 'known' : 'done'));
        head.id = 'summary-head';
        head.append(el('strong', '', report.alreadyImported ? 'Tệp này đã nhập trước đó' : 'Đã nhập sao kê'), el('span', 'file', report.file));
        summary.append(head);
        if (report.alreadyImported) {
          summary.append(el('p', '', 'Tệp giống hệt đã được nhập lúc ' + stampText(report.importedBefore)
            + ' (' + report.lines + ' dòng, ghi có ' + money(report.creditTotal) + ', ghi nợ ' + money(report.debitTotal)
            + '). Không có gì thay đổi.'));
          return;
        }
        const list = el('dl', 'facts');
        fact(list, 'Định dạng', formats[report.format] || report.format || '—');
        fact(list, 'Số dòng', report.lines + ' dòng: ' + report.new + ' mới, ' + report.known + ' đã có từ sao kê trước', 's-lines');
        fact(list, 'Ghi có', report.credits + ' khoản · ' + money(report.creditTotal), 's-credits');
        fact(list, 'Ghi nợ', report.debits + ' khoản · ' + money(report.debitTotal), 's-debits');
        const verdict = fact(list, 'Kiểm tra số dư', '', 's-balance');
        if (!report.balances.length) verdict.textContent = '—';
        report.balances.forEach((b) => {
          const words = balances[b.status] || ['warn', b.status];
          const line = el('span', 'verdict ' + words[0], words[1]);
          verdict.append(line);
          if (b.note) verdict.append(el('small', 'detail', b.note));
        });
        summary.append(list);
        const table = el('table', 'list compact');
        table.id = 's-outcomes';
        const headRow = el('tr');
        headRow.append(el('th', '', 'Kết quả đối chiếu (khoản ghi có mới)'), el('th', 'num', 'Số khoản'), el('th', 'num', 'Số tiền'));
        const thead = el('thead'); thead.append(headRow);
        const tbody = el('tbody');
        let count = 0, amount = 0;
        outcomes.forEach(([key, name]) => {
          const n = report.outcomes[key] || 0, sum = (report.outcomeAmounts || {})[key] || 0;
          count += n; amount += sum;
          const row = el('tr', n ? '' : 'zero');
          const label = el('td');
          label.append(el('span', 'dot ' + key), document.createTextNode(name));
          row.append(label, el('td', 'num', String(n)), el('td', 'num', money(sum)));
          tbody.append(row);
        });
        const foot = el('tfoot'), total = el('tr');
        total.append(el('th', '', 'Cộng'), el('th', 'num', String(count)), el('th', 'num', money(amount)));
        foot.append(total);
        table.append(thead, tbody, foot);
        summary.append(table);
        const waiting = (report.outcomes.unmatched || 0) + (report.outcomes.overpaid || 0) + (report.outcomes.duplicate || 0);
        const next = el('p', 'next-step');
        if (waiting > 0) {
          const link = el('a', 'button-link primary', 'Xử lý ' + waiting + ' khoản trong hàng chờ đối soát →');
          link.href = '/review';
          next.append(link);
        } else {
          next.append(el('span', 'ok-text', '✓ Mọi khoản ghi có mới đã khớp hồ sơ.'));
        }
        summary.append(next);
      }
    })();
    """#
}
