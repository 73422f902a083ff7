"""Browser steps of the accountants' pages, mixed into desk_flow.Flow (which gives check, wait, visible,
text, expect, sign_in, shot, fill and the server).

Covers: the accountant lands on the review queue with the accounting menu; statement upload with a
progress bar and the import summary; the same file again ("đã nhập trước đó"); a non-statement file
refused with the API's message; the day view of 2026-11-16 blocked, its queue resolved (the typo credit
assigned to its first suggestion, the others refunded or ignored, an ignore undone and redone) while
the queue shrinks; the day closed and shown as closed; an action on the closed day refused; a statement
whose memo is `<script>alert(1)</script>` shown as text with no alert; a credit split across two
dossiers, over-assignment and an already paid dossier refused, the last split undone; a blocked day
closed anyway with a required reason; the reports (Báo cáo): the daily report of the closed day with its
figures, who closed it and the cash by cashier, its CSV download (UTF-8 with a byte-order mark) and its
printable A4 page styled under its own policy; the cash-vs-cashless report with its chart and a total
that equals the API's JSON.
"""

import json
import os

from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from feedesk_server import ROOT

SAMPLE = os.path.join(ROOT, "Samples", "statements", "vietcombank-2026-11-16_18.csv")
HOSTILE_MEMO = "<script>alert(1)</script> <img src=x onerror=alert(2)> HS0000 nop phi"
HOSTILE_STATEMENT = """\ufeffNGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM,,,,,,
Số tài khoản: 0071000123456,,,,,,
"Số dư đầu kỳ: 13,553,000",,,,,,
STT,Ngày GD/ TNX Date,Số CT/ Doc No,Số tiền ghi nợ/ Debit,Số tiền ghi có/ Credit,Số dư/ Balance,Nội dung chi tiết/ Transactions in detail
1,21/11/2026 10:05:00,5301.261121,,"50,000","13,603,000","%s"
"Số dư cuối kỳ: 13,603,000",,,,,,
""" % HOSTILE_MEMO


class AccountingSteps:
    # -- helpers ---------------------------------------------------------------------------------
    def upload(self, path, profile=""):
        self.driver.get(self.base + "/statements")
        Select(self.visible("profile")).select_by_value(profile)
        self.driver.find_element(By.ID, "file").send_keys(path)
        self.driver.find_element(By.ID, "upload").click()

    def item(self, memo):
        """The review card whose memo is exactly `memo`."""
        return self.driver.find_element(By.XPATH, "//article[.//code[@class='memo' and .=%s]]" % xpath_text(memo))

    def open_count(self):
        return int(self.driver.find_element(By.ID, "queue-count").get_attribute("data-open"))

    def act(self, memo, button, reason, code=None, amount=None):
        """Clicks `button` on the card of `memo`, fills the action form and confirms it."""
        card = self.item(memo)
        card.find_element(By.XPATH, ".//button[normalize-space()=%s]" % xpath_text(button)).click()
        form = card.find_element(By.CSS_SELECTOR, ".act-form")
        if code is not None:
            form.find_element(By.CSS_SELECTOR, "input[id^='code-']").send_keys(code)
        if amount is not None:
            form.find_element(By.CSS_SELECTOR, "input[id^='amount-']").send_keys(amount)
        form.find_element(By.CSS_SELECTOR, "input[id^='reason-']").send_keys(reason)
        form.find_element(By.XPATH, ".//button[.='Xác nhận']").click()

    def card_text(self, memo, selector=None):
        """The text of the card of `memo` (or of its part `selector`), read in one go: the queue is
        re-rendered after every action, so element references do not last."""
        return self.driver.execute_script("""
            const [memo, selector] = arguments;
            for (const card of document.querySelectorAll('article.item')) {
              const code = card.querySelector('code.memo');
              if (code && code.textContent === memo) { const part = selector ? card.querySelector(selector) : card; return part ? part.innerText : ''; }
            }
            return '';""", memo, selector)

    def wait_notice(self, memo, text):
        self.wait(lambda d: text in self.card_text(memo, ".item-message") + self.card_text(memo, ".resolved-line"))

    def wait_refusal(self, memo, text):
        self.wait(lambda d: text in self.card_text(memo, ".act-form .message"))

    # -- steps -----------------------------------------------------------------------------------
    def accountant_home(self):
        self.sign_in("demo-accountant", self.server.passwords["demo-accountant"])
        self.wait(EC.url_contains("/review"))
        menu = [a.text for a in self.driver.find_elements(By.CSS_SELECTOR, ".topbar nav a")]
        self.expect(menu == ["Sao kê", "Đối soát", "Ngày", "Báo cáo", "Sổ biên lai", "Hồ sơ"], "menu: %r" % menu)
        self.wait(lambda d: self.driver.find_element(By.ID, "queue-count").get_attribute("data-open") is not None)

    def upload_statement(self):
        self.upload(SAMPLE, "vietcombank")
        self.wait(EC.text_to_be_present_in_element((By.ID, "summary-head"), "Đã nhập sao kê"))
        self.expect(self.text("s-lines").startswith("14 dòng: 14 mới"), "lines: " + self.text("s-lines"))
        self.expect(self.text("s-credits") == "13 khoản · 906.000 ₫", "credits: " + self.text("s-credits"))
        self.expect(self.text("s-debits") == "1 khoản · 11.000 ₫", "debits: " + self.text("s-debits"))
        self.expect(self.text("s-balance").startswith("Khớp"), "balance: " + self.text("s-balance"))
        outcomes = self.text("s-outcomes")
        for line in ["Khớp hồ sơ 7 291.000 ₫", "Chưa xác định 3 390.000 ₫", "Cộng 13 906.000 ₫"]:
            self.expect(line in outcomes, "outcomes lack %r: %s" % (line, outcomes))
        value = self.driver.execute_script("return document.getElementById('progress').value;")
        self.expect(value == 100, "progress bar at %r" % value)
        self.shot("statement-imported.png")

    def upload_again(self):
        self.upload(SAMPLE, "vietcombank")
        self.wait(EC.text_to_be_present_in_element((By.ID, "summary-head"), "Tệp này đã nhập trước đó"))
        self.expect("Không có gì thay đổi" in self.text("summary"), "summary: " + self.text("summary"))

    def upload_not_statement(self):
        self.upload(os.path.join(ROOT, "Package.swift"))
        self.wait(EC.text_to_be_present_in_element((By.ID, "upload-message"), "Không nhập được \"Package.swift\""))
        message = self.text("upload-message")
        self.expect("Không có dữ liệu nào được ghi" in message and "no header row found" in message, "message: " + message)
        self.shot("statement-refused.png")

    def day_blocked(self):
        self.driver.get(self.base + "/days/2026-11-16")
        self.browser.resize(1366, 1500)
        self.visible("blockers")
        self.expect("Còn 3 khoản ghi có chưa xử lý" in self.text("blockers"), "blockers: " + self.text("blockers"))
        self.expect(not self.driver.find_element(By.ID, "close-day").is_enabled(), "close button enabled despite blockers")
        self.expect("12.500.000 ₫" in self.text("balance") and "12.774.000 ₫" in self.text("balance"), "balance: " + self.text("balance"))
        self.expect("Cộng 6 285.000 ₫" in self.text("credit-outcomes"), "credit outcomes: " + self.text("credit-outcomes"))
        self.expect("Phí ngân hàng 1 11.000 ₫" in self.text("debit-outcomes"), "debits: " + self.text("debit-outcomes"))
        self.shot("day-blocked.png")
        self.browser.resize(1366, 900)

    def review_queue(self):
        self.driver.get(self.base + "/review")
        self.visible("queue")
        self.wait(lambda d: self.open_count() >= 5)
        typo = self.item("HS00001557 nop phi")
        self.expect("000.06.16.G09-261117-0005" in typo.find_element(By.CSS_SELECTOR, ".suggestions").text, "no typo suggestion")
        self.expect("sai một ký tự" in typo.text, "suggestion reason not in Vietnamese: " + typo.text)
        self.browser.resize(1366, 1600)
        self.shot("review-queue.png")
        self.browser.resize(1366, 900)

    def review_resolve(self):
        before = self.open_count()
        self.item("HS00001557 nop phi").find_element(By.XPATH, ".//button[.='Gán vào hồ sơ này']").click()
        form = self.item("HS00001557 nop phi").find_element(By.CSS_SELECTOR, ".act-form")
        form.find_element(By.XPATH, ".//button[.='Xác nhận']").click()  # no reason: refused on the page
        self.wait_refusal("HS00001557 nop phi", "Nhập lý do")
        form.find_element(By.CSS_SELECTOR, "input[id^='reason-']").send_keys("Mã trong nội dung sai một ký tự")
        form.find_element(By.XPATH, ".//button[.='Xác nhận']").click()
        self.wait_notice("HS00001557 nop phi", "Đã gán 100.000 ₫ vào hồ sơ 000.06.16.G09-261117-0005")
        self.wait(lambda d: self.open_count() == before - 1)
        memo6 = "chuyen tien le phi ho so"
        self.act(memo6, "Gán cho hồ sơ…", "thử", code="000.06.16.G09-261116-0001")
        self.wait_refusal(memo6, "đã thanh toán đủ")
        self.act(memo6, "Không phải phí", "Chuyển nội bộ")
        self.wait_notice(memo6, "Đã đánh dấu không phải phí")
        self.act(memo6, "Hoàn tác", "Thao tác nhầm")
        self.wait_notice(memo6, "Đã hoàn tác")
        self.wait(lambda d: self.open_count() == before - 1)
        self.act(memo6, "Không phải phí", "Nộp tiền mặt vào tài khoản")
        self.wait_notice(memo6, "Đã đánh dấu không phải phí")
        for memo in ["CT nhanh 247 den: HS00000683 PHAN THI LINH chuyen tien", "Chuyen tien den tu NAPAS Noi dung: HS00000198 (CT1111)"]:
            self.act(memo, "Hoàn trả", "Người nộp chuyển thừa")
            self.wait_notice(memo, "Đã xác nhận hoàn trả")
        self.wait(lambda d: self.open_count() == before - 4)
        self.shot("review-resolved.png")

    def day_close(self):
        self.review_window = self.driver.current_window_handle
        self.driver.switch_to.new_window("tab")
        self.browser.resize(1366, 1200)
        self.driver.get(self.base + "/days")
        self.wait(EC.url_contains("/days/20"))
        # The date picker goes to the chosen day.
        self.driver.execute_script("document.getElementById('date').value = '2026-11-16'; document.getElementById('date').form.submit();")
        self.wait(EC.url_contains("/days/2026-11-16"))
        self.expect("Không còn vướng mắc" in self.text("blockers"), "blockers: " + self.text("blockers"))
        self.expect("✓ Không có ngoại lệ nào" in self.text("exceptions"), "exceptions: " + self.text("exceptions"))
        self.shot("day-ready.png")
        self.driver.find_element(By.ID, "close-day").click()
        self.visible("close-yes").click()
        self.wait(EC.text_to_be_present_in_element((By.ID, "day-state"), "Đã khoá sổ"))
        self.expect("demo-accountant" in self.text("day-state"), "closed by: " + self.text("day-state"))
        self.expect(not self.driver.find_elements(By.ID, "close-day"), "a closed day still offers the close button")
        self.shot("day-closed.png")
        self.browser.resize(1366, 900)
        self.driver.close()
        self.driver.switch_to.window(self.review_window)
        self.act("chuyen tien le phi ho so", "Hoàn tác", "Sửa lại")
        self.wait_refusal("chuyen tien le phi ho so", "đã khoá sổ")

    def hostile_memo(self):
        path = os.path.join(self.server.folder, "sao-ke-21-11.csv")
        with open(path, "w", encoding="utf-8") as file:
            file.write(HOSTILE_STATEMENT)
        self.upload(path, "vietcombank")
        self.wait(EC.text_to_be_present_in_element((By.ID, "summary-head"), "Đã nhập sao kê"))
        self.driver.get(self.base + "/review?date=2026-11-21")
        self.visible("queue")
        self.wait(lambda d: self.open_count() == 1)
        memo = self.driver.find_element(By.CSS_SELECTOR, "#queue code.memo")
        self.expect(memo.text == HOSTILE_MEMO, "memo shown as %r" % memo.text)
        self.expect(not self.driver.find_elements(By.CSS_SELECTOR, "#queue script, #queue img"), "the memo became HTML")
        try:
            self.driver.switch_to.alert.dismiss()
            raise AssertionError("the memo ran a script (an alert opened)")
        except NoAlertPresentException:
            pass

    def split_and_refusals(self):
        memo = HOSTILE_MEMO
        self.act(memo, "Gán cho hồ sơ…", "Tách khoản chuyển cho nhiều hồ sơ", code="000.06.16.G09-261116-0008")
        self.wait_notice(memo, "Đã gán 24.000 ₫ vào hồ sơ 000.06.16.G09-261116-0008. Còn 26.000 ₫ chưa gán.")
        self.act(memo, "Gán cho hồ sơ…", "Tách khoản", code="000.06.16.g09-261116-0009", amount="10.000")
        self.wait_notice(memo, "Đã gán 10.000 ₫ vào hồ sơ 000.06.16.G09-261116-0009. Còn 16.000 ₫ chưa gán.")
        self.expect(self.open_count() == 1, "a partly assigned credit left the queue")
        self.act(memo, "Gán cho hồ sơ…", "Thử", code="000.06.16.G09-261118-0007", amount="60.000")
        self.wait_refusal(memo, "lớn hơn phần chưa gán")
        self.act(memo, "Hoàn tác: gán hồ sơ", "Gán nhầm")
        self.wait_notice(memo, "Đã hoàn tác")
        self.wait(lambda d: "còn 26.000 ₫ chưa xác định hồ sơ" in self.card_text(memo, ".issue"))

    def force_close(self):
        self.driver.get(self.base + "/days/2026-11-21")
        self.expect("Còn 1 khoản ghi có chưa xử lý" in self.text("blockers"), "blockers: " + self.text("blockers"))
        self.driver.find_element(By.ID, "force-toggle").click()
        self.visible("force-submit").click()
        self.wait(EC.text_to_be_present_in_element((By.ID, "close-message"), "Nhập lý do"))
        self.fill("force-reason", "Cuối tháng: <b>chờ</b> ngân hàng trả lời")
        self.driver.find_element(By.ID, "force-submit").click()
        self.wait(EC.text_to_be_present_in_element((By.ID, "day-state"), "Đã khoá sổ"))
        self.expect("lý do: Cuối tháng: <b>chờ</b> ngân hàng trả lời" in self.text("day-state"), "state: " + self.text("day-state"))

    def fetch(self, path):
        """GET `path` with the session from the page: status, first bytes and text."""
        return self.driver.execute_async_script("""
            const [path, done] = arguments;
            fetch(path, {credentials: 'same-origin'}).then(async (answer) => {
              const bytes = new Uint8Array(await answer.arrayBuffer());
              done({status: answer.status, head: Array.from(bytes.slice(0, 3)), text: new TextDecoder().decode(bytes)});
            }).catch((error) => done({status: 0, head: [], text: String(error)}));""", path)

    def reports_daily(self):
        self.driver.find_element(By.XPATH, "//nav//a[.='Báo cáo']").click()
        self.wait(EC.url_contains("/reports"))
        self.driver.find_element(By.ID, "link-daily").click()
        self.wait(EC.url_contains("/reports/daily"))
        self.driver.execute_script("document.getElementById('date').value = '2026-11-16'; document.getElementById('date').form.submit();")
        self.wait(EC.url_contains("date=2026-11-16"))
        report = self.visible("report").text
        for words in ["BÁO CÁO ĐỐI SOÁT THU PHÍ, LỆ PHÍ NGÀY 16/11/2026", "Cộng ghi có trong ngày 6 285.000",
                      "✓ Các dòng cộng lại đúng bằng tổng ghi có trong ngày.", "12.774.000", "Lê Văn Hòa 0000001 0000003 2 165.000",
                      "Cộng tiền mặt 4 223.000", "Đã khoá sổ bởi demo-accountant", "Người lập biểu", "Kế toán trưởng"]:
            self.expect(words in report, "daily report lacks %r: %s" % (words, report))
        self.browser.resize(1366, 2600)
        self.shot("report-daily.png")
        self.browser.resize(1366, 900)
        csv = self.fetch(self.driver.find_element(By.ID, "csv-link").get_attribute("href"))
        self.expect(csv["status"] == 200 and csv["head"] == [0xEF, 0xBB, 0xBF], "csv: %r %r" % (csv["status"], csv["head"]))
        self.expect("Ghi có theo kết quả,Cộng,total,6,285000," in csv["text"], "csv text: " + csv["text"][:400])
        self.driver.get(self.driver.find_element(By.ID, "print-link").get_attribute("href"))
        self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, ".report-sheet h1")))
        font = self.driver.execute_script("return getComputedStyle(document.querySelector('.report-sheet')).fontFamily;")
        self.expect("Times New Roman" in font, "the printable page is not styled (font %r)" % font)
        self.expect("Kế toán trưởng" in self.driver.find_element(By.CSS_SELECTOR, ".signatures").text, "no signature lines")
        self.browser.resize(900, 2600)
        self.shot("report-daily-print.png")
        self.browser.resize(1366, 900)

    def reports_cashless(self):
        self.driver.get(self.base + "/reports")
        self.driver.find_element(By.ID, "link-cashless").click()
        self.wait(EC.url_contains("/reports/cash-vs-cashless"))
        self.driver.execute_script("""
            document.getElementById('from').value = '2026-11-01'; document.getElementById('to').value = '2026-11-30';
            document.getElementById('by').value = 'field'; document.getElementById('from').form.submit();""")
        self.wait(EC.url_contains("by=field"))
        self.visible("report")
        self.expect(self.driver.find_elements(By.CSS_SELECTOR, "#report svg.chart rect"), "no chart bars")
        answer = self.fetch("/api/v1/reports/cash-vs-cashless?from=2026-11-01&to=2026-11-30&by=field")
        self.expect(answer["status"] == 200, "api: %r" % answer["status"])
        totals = json.loads(answer["text"])["totals"]
        total = "{:,}".format(totals["totalAmount"]).replace(",", ".") + " ₫"
        summary = self.driver.find_element(By.CSS_SELECTOR, "#report table.summary").text
        self.expect("Tổng số tiền đã thu " + total in summary, "summary %r lacks the API's total %s" % (summary, total))
        self.expect(totals["cashlessAmount"] > 0 and totals["cashAmount"] > 0, "totals: %r" % totals)
        csv = self.fetch(self.driver.find_element(By.ID, "csv-link").get_attribute("href"))
        self.expect(csv["status"] == 200 and csv["head"] == [0xEF, 0xBB, 0xBF], "csv: %r %r" % (csv["status"], csv["head"]))
        self.browser.resize(1366, 2400)
        self.shot("report-cash-vs-cashless.png")
        self.browser.resize(1366, 900)

    def receipt_register(self):
        self.driver.find_element(By.LINK_TEXT, "Sổ biên lai").click()
        self.wait(EC.url_contains("/reports/receipts"))
        # Default period: this month to today, which holds the receipts of the credits assigned above.
        rows = [r.text for r in self.driver.find_elements(By.CSS_SELECTOR, "table.list tbody tr")]
        self.expect(any(r.startswith("CK-") for r in rows), "cashless receipts: %r" % rows[:3])
        self.driver.get(self.base + "/reports/receipts?from=2026-11-01&to=2026-11-30")
        rows = [r.text for r in self.driver.find_elements(By.CSS_SELECTOR, "table.list tbody tr")]
        self.expect(len(rows) == 17 and rows[0].startswith("TM-26E 0000001"), "November: %r" % rows[:2])
        csv = self.driver.find_element(By.LINK_TEXT, "Tải CSV (hệ thống biên lai điện tử)").get_attribute("href")
        self.expect(csv.endswith("/api/v1/reports/receipts?from=2026-11-01&to=2026-11-30&format=csv"), "csv link: " + csv)
        self.driver.find_element(By.LINK_TEXT, "Bản in").click()
        self.wait(EC.presence_of_element_located((By.TAG_NAME, "h1")))
        transform = self.driver.execute_script("return getComputedStyle(document.querySelector('h1')).textTransform")
        self.expect(transform == "uppercase", "the printable register is styled (its CSP allows its style): " + transform)
        self.shot("receipt-register.png")
        self.driver.back()

    def accountant_sign_out(self):
        self.driver.find_element(By.XPATH, "//form[@action='/logout']/button").click()
        self.wait(EC.url_contains("/login"))


def xpath_text(text):
    """`text` as an XPath string literal, whatever quotes it holds."""
    if "'" not in text:
        return "'%s'" % text
    if '"' not in text:
        return '"%s"' % text
    return "concat(%s)" % ", \"'\", ".join("'%s'" % part for part in text.split("'"))
