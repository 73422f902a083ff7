extension WebAssets {
    /// `review-words.js`: the Vietnamese words of the review queue — outcome names, what is wrong
    /// with an item, suggestion reasons and the refusals of the review API (which the server states
    /// in English; the original sentence is still shown as detail).
    static let reviewWords = #"""
    'use strict';
    const ReviewWords = (() => {
      const { money } = FD;
      const outcomes = {
        matched: 'Khớp', underpaid: 'Nộp thiếu', overpaid: 'Nộp thừa', duplicate: 'Nộp trùng',
        unmatched: 'Chưa xác định', refund: 'Hoàn trả', ignored: 'Không phải phí',
      };
      const actions = { assign: 'gán hồ sơ', refund: 'hoàn trả', ignore: 'không phải phí', undo: 'hoàn tác' };
      const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);

      /** What is wrong with a queue item, in one sentence. */
      function issue(item) {
        const free = item.amount - item.allocated;
        if (item.outcome === 'unmatched') {
          return item.allocated > 0
            ? 'Đã gán ' + money(item.allocated) + '; còn ' + money(free) + ' chưa xác định hồ sơ.'
            : 'Chưa xác định được hồ sơ cho khoản này.';
        }
        if (item.owedBack > 0) {
          return (item.outcome === 'duplicate' ? 'Nộp trùng: hồ sơ đã thanh toán trước đó' : 'Nộp thừa so với số phải nộp')
            + ' — cần xác nhận hoàn trả ' + money(item.owedBack) + ' cho người chuyển.';
        }
        if (item.source === 'callback') return 'Ngân hàng báo có trực tiếp nhưng chưa có dòng sao kê nào xác nhận khoản này.';
        return item.issue;
      }

      /** A suggestion's reason (`owes exactly 100.000 ₫; registered 2 days before`) in Vietnamese. */
      function reason(text) {
        return capital(String(text || '').split('; ').map((part) => {
          let m;
          if ((m = part.match(/^owes exactly (.+)$/))) return 'còn phải nộp đúng ' + m[1];
          if ((m = part.match(/^payer name matches applicant (.+)$/))) return 'tên người chuyển trùng người nộp ' + m[1];
          if (part === 'registered the same day') return 'tiếp nhận chưa đầy một ngày trước';
          if ((m = part.match(/^registered (\d+) days before$/))) return 'tiếp nhận ' + m[1] + ' ngày trước';
          if ((m = part.match(/^the memo's reference is one typo away from (\S+)(?: and the dossier owes exactly (.+))?$/))) {
            return 'mã trong nội dung chỉ sai một ký tự so với ' + m[1] + (m[2] ? ', hồ sơ còn phải nộp đúng ' + m[2] : '');
          }
          if ((m = part.match(/^it owes (.+)$/))) return 'hồ sơ còn phải nộp ' + m[1];
          return part;
        }).join('; '));
      }

      const notes = [
        [/^the memo holds no valid payment reference$/, () => 'Nội dung chuyển khoản không có mã thanh toán hợp lệ.'],
        [/^dossier (\S+) is cancelled$/, (m) => 'Hồ sơ ' + m[1] + ' đã bị huỷ.'],
        [/^dossier (\S+) was already paid; (.+) is owed back$/, (m) => 'Hồ sơ ' + m[1] + ' đã thanh toán trước đó; phải hoàn trả ' + m[2] + '.'],
        [/^pays dossier (\S+); (.+) over the amount due is owed back$/, (m) => 'Trả cho hồ sơ ' + m[1] + '; thừa ' + m[2] + ' phải hoàn trả.'],
        [/^pays dossier (\S+)$/, (m) => 'Trả cho hồ sơ ' + m[1] + '.'],
        [/^pays (.+) of the (.+) due on dossier (\S+)$/, (m) => 'Trả ' + m[1] + ' trong số ' + m[2] + ' phải nộp của hồ sơ ' + m[3] + '.'],
        [/^the memo names (\d+) dossiers that owe (.+) together, not (.+)$/, (m) => 'Nội dung ghi ' + m[1] + ' hồ sơ, cộng lại phải nộp ' + m[2] + ', không phải ' + m[3] + '.'],
        [/^pays dossiers (.+)$/, (m) => 'Trả cho các hồ sơ ' + m[1] + '.'],
        [/^assigned (.+?) to (\S+) by (?:user:)?([^:]+): ([\s\S]*)$/, (m) => m[3] + ' đã gán ' + m[1] + ' cho hồ sơ ' + m[2] + '. Lý do: ' + m[4]],
        [/^(.+?) to refund, by (?:user:)?([^:]+): ([\s\S]*)$/, (m) => m[2] + ' đã xác nhận hoàn trả ' + m[1] + '. Lý do: ' + m[3]],
        [/^not a fee, by (?:user:)?([^:]+): ([\s\S]*)$/, (m) => m[1] + ' đã đánh dấu không phải phí. Lý do: ' + m[2]],
        [/^dossier (\S+) cancelled: (.+) to refund$/, (m) => 'Hồ sơ ' + m[1] + ' đã huỷ: phải hoàn trả ' + m[2] + '.'],
      ];

      /** The matcher's or the last action's note in Vietnamese; an unknown one as it is. */
      function note(text) {
        for (const [pattern, words] of notes) { const m = String(text || '').match(pattern); if (m) return words(m); }
        return String(text || '');
      }

      const refusals = [
        [/is closed; record the change/, 'ngày của khoản này đã khoá sổ, không sửa được nữa. Hãy ghi điều chỉnh vào một ngày đang mở.'],
        [/is more than the .* not yet counted/, 'số tiền gán lớn hơn phần chưa gán của khoản ghi có.'],
        [/still owes only/, 'số tiền gán lớn hơn số hồ sơ còn phải nộp.'],
        [/is already paid/, 'hồ sơ này đã thanh toán đủ, không gán thêm được.'],
        [/no dossier has the code/, 'không có hồ sơ nào mang mã này.'],
        [/is cancelled/, 'hồ sơ này đã bị huỷ.'],
        [/already fully counted/, 'khoản ghi có đã được gán hết cho hồ sơ.'],
        [/already marked for refund/, 'khoản này đã được xác nhận hoàn trả.'],
        [/is already ignored/, 'khoản này đã được đánh dấu không phải phí.'],
        [/was ignored as not a fee/, 'khoản này đang được đánh dấu không phải phí; hãy hoàn tác thao tác đó trước.'],
        [/nothing is owed back/, 'khoản này đã gán hết cho hồ sơ, không còn gì để hoàn trả.'],
        [/undo the later action/, 'cần hoàn tác thao tác sau cùng trước.'],
        [/is already undone/, 'thao tác này đã được hoàn tác.'],
        [/is an undo/, 'không hoàn tác được một lần hoàn tác; hãy làm thao tác mới.'],
        [/must be more than 0/, 'số tiền phải lớn hơn 0 đồng.'],
        [/reason is required/, 'cần nhập lý do.'],
        [/no credit has the number/, 'khoản ghi có này không còn tồn tại.'],
      ];

      /** A refused review action in Vietnamese; `what` names it ("Không gán được"). */
      function refusal(error, what) {
        const detail = (error && error.detail) || '';
        for (const [pattern, text] of refusals) if (pattern.test(detail)) return what + ': ' + text;
        return FD.explain(error, what);
      }

      return { outcomes, actions, issue, reason, note, refusal };
    })();
    """#
}
