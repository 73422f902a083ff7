extension WebAssets {
    /// `feedesk.js`: helpers every page uses (API calls with the CSRF header, amounts, messages).
    ///
    /// Text from the server is only ever placed with `textContent`, never as HTML.
    static let common = #"""
    'use strict';
    const FD = (() => {
      const csrf = () => (document.querySelector('meta[name="csrf-token"]') || {}).content || '';

      class ApiError extends Error {
        constructor(status, code, detail) { super(detail || code || String(status)); this.status = status; this.code = code; this.detail = detail; }
      }

      /** Calls the FeeDesk API with the session cookie; non-GET calls carry the CSRF token. */
      async function api(method, path, body) {
        const headers = { 'Accept': 'application/json' };
        const options = { method, headers, credentials: 'same-origin', cache: 'no-store' };
        if (method !== 'GET') headers['X-CSRF-Token'] = csrf();
        if (body !== undefined) { headers['Content-Type'] = 'application/json'; options.body = JSON.stringify(body); }
        let response;
        try { response = await fetch(path, options); } catch (e) { throw new ApiError(0, 'network', ''); }
        if (response.status === 401) {
          location.assign('/login?next=' + encodeURIComponent(location.pathname + location.search));
          throw new ApiError(401, 'unauthorized', '');
        }
        const text = await response.text();
        let data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        if (!response.ok) throw new ApiError(response.status, data && data.code, data && data.error);
        return data;
      }

      /**
       * Posts `file` as the raw request body with the CSRF token, calling `onProgress(0…1)` as it is
       * sent (fetch cannot report upload progress; XMLHttpRequest can). Resolves to {status, data};
       * rejects with an ApiError like `api`, and goes to the sign-in page on 401.
       */
      function upload(path, file, onProgress) {
        return new Promise((resolve, reject) => {
          const xhr = new XMLHttpRequest();
          xhr.open('POST', path);
          xhr.setRequestHeader('Accept', 'application/json');
          xhr.setRequestHeader('Content-Type', 'application/octet-stream');
          xhr.setRequestHeader('X-CSRF-Token', csrf());
          const report = (fraction) => { if (onProgress) onProgress(Math.max(0, Math.min(1, fraction))); };
          xhr.upload.addEventListener('progress', (ev) => { if (ev.lengthComputable && ev.total > 0) report(ev.loaded / ev.total); });
          xhr.upload.addEventListener('load', () => report(1));
          xhr.addEventListener('error', () => reject(new ApiError(0, 'network', '')));
          xhr.addEventListener('load', () => {
            if (xhr.status === 401) {
              location.assign('/login?next=' + encodeURIComponent(location.pathname + location.search));
              reject(new ApiError(401, 'unauthorized', ''));
              return;
            }
            let data = null;
            try { data = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (e) { data = null; }
            if (xhr.status < 200 || xhr.status > 299) reject(new ApiError(xhr.status, data && data.code, data && data.error));
            else resolve({ status: xhr.status, data });
          });
          xhr.send(file);
        });
      }

      /** A Vietnamese sentence for a failed call; `what` names the action ("Không tạo được mã QR"). */
      function explain(error, what) {
        if (!(error instanceof ApiError)) return what + ': lỗi không xác định.';
        switch (error.status) {
          case 0: return what + ': không kết nối được máy chủ FeeDesk. Kiểm tra mạng rồi thử lại.';
          case 400: return what + ': dữ liệu gửi lên không đúng định dạng.';
          case 403: return error.code === 'csrf' ? what + ': phiên làm việc đã thay đổi, hãy tải lại trang (F5).'
                                                 : what + ': tài khoản của bạn không có quyền thực hiện việc này.';
          case 404: return what + ': không tìm thấy dữ liệu.';
          case 409: return what + ': dữ liệu trùng hoặc đã được xử lý trước đó.';
          case 413: return what + ': tệp quá lớn so với giới hạn của máy chủ.';
          case 422: return what + ': dữ liệu chưa hợp lệ.';
          case 429: case 503: return what + ': hệ thống đang bận, vui lòng thử lại sau ít giây.';
          default: return what + ': máy chủ gặp lỗi (mã ' + error.status + ').';
        }
      }

      /** 75000 → "75.000". */
      function digits(n) {
        return String(Math.trunc(Number(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
      }
      const money = (n) => digits(n) + ' ₫';
      /** "2026-11-16" → "16/11/2026"; "2026-11-16T09:10:10+07:00" → "09:10 16/11/2026". */
      const dateText = (d) => (/^\d{4}-\d{2}-\d{2}/.test(d || '') ? d.slice(8, 10) + '/' + d.slice(5, 7) + '/' + d.slice(0, 4) : String(d || ''));
      const stampText = (s) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s || '') ? s.slice(11, 16) + ' ' + dateText(s) : String(s || ''));

      /** Parses "75.000", "75,000", "75000", "75.000 ₫" into whole đồng; {error} in Vietnamese otherwise. */
      function parseAmount(text) {
        const raw = String(text || '').trim();
        if (!raw) return { error: 'Nhập số tiền.' };
        const body = raw.replace(/\s*(₫|đ|Đ|VNĐ|VND|vnđ|vnd)$/, '').trim();
        let plain = null;
        if (/^\d+$/.test(body)) plain = body;
        else if (/^\d{1,3}(\.\d{3})+$/.test(body)) plain = body.replace(/\./g, '');
        else if (/^\d{1,3}(,\d{3})+$/.test(body)) plain = body.replace(/,/g, '');
        if (plain === null) return { error: 'Số tiền "' + raw + '" không hợp lệ: chỉ gồm chữ số, ví dụ 75.000.' };
        const value = Number(plain);
        if (!Number.isSafeInteger(value) || plain.replace(/^0+/, '').length > 13) return { error: 'Số tiền "' + raw + '" quá lớn.' };
        if (value <= 0) return { error: 'Số tiền phải lớn hơn 0 đồng.' };
        return { value };
      }

      /** Status words for people. */
      const statusText = {
        unpaid: 'CHỜ THANH TOÁN', partially_paid: 'ĐÃ THANH TOÁN MỘT PHẦN', paid: 'ĐÃ THANH TOÁN', overpaid: 'ĐÃ THANH TOÁN (THỪA TIỀN)',
      };
      const isSettled = (view) => view.status === 'paid' || view.status === 'overpaid';

      /** Shows `text` (and an optional smaller detail line) in the message box `box`. */
      function say(box, kind, text, detail) {
        box.textContent = '';
        box.className = 'message ' + kind;
        box.append(document.createTextNode(text));
        if (detail) { const small = document.createElement('small'); small.textContent = detail; box.append(small); }
        box.hidden = false;
        return box;
      }

      function el(tag, className, text) {
        const node = document.createElement(tag);
        if (className) node.className = className;
        if (text !== undefined) node.textContent = text;
        return node;
      }

      const $ = (id) => document.getElementById(id);
      return { api, upload, ApiError, explain, digits, money, dateText, stampText, parseAmount, statusText, isSettled, say, el, $ };
    })();
    """#
}
