#!/usr/bin/env python3
"""Browser test of the FeeDesk web UI in headless Chromium (Debian's chromium + chromium-driver).

Covers: no session -> login page (pages) and 401 (API); wrong password; sign-in; bad input on the
desk page; create a dossier (double click creates once), QR visible; the printable slip; the citizen
display; a signed bank callback turns both screens to PAID without a reload within 2 s; a repeated
code shows the 409; cash payment; forged CSRF token refused; expired session; logout; roles; sign-in
rate limit; the accountants' pages (accounting_flow.py); no script error or Content-Security-Policy
refusal in the console.
Screenshots go to $FEEDESK_SCREENSHOTS (default: a new temp folder), printed at the end.
Usage: desk_flow.py [path to feedesk]   (default .build/debug/feedesk)
"""

import os
import random
import sys
import tempfile
import time
import traceback

from selenium.common.exceptions import ElementNotInteractableException, NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from accounting_flow import AccountingSteps
from browser import Browser
from feedesk_server import ROOT, FeeDeskServer

WAIT = 10  # seconds for ordinary waits; the PAID check has its own 2 s budget


class Flow(AccountingSteps):
    def __init__(self, server, browser, shots):
        self.server, self.browser, self.shots = server, browser, shots
        self.driver = browser.driver
        self.base = server.base
        self.passed, self.failed = [], []
        day = time.strftime("%y%m%d", time.gmtime(time.time() + 7 * 3600))
        self.code = "000.06.16.G09-%s-%d" % (day, random.randint(50000, 99999))
        self.cash_code = "000.06.16.G09-%s-%d" % (day, random.randint(50000, 99999))
        self.reference = None

    # -- helpers ---------------------------------------------------------------------------------
    def check(self, name, test):
        started = time.monotonic()
        try:
            test()
            self.passed.append(name)
            print("ok   %-38s %5.1fs" % (name, time.monotonic() - started), flush=True)
        except Exception as error:  # a failed step is reported and the next one still runs
            self.failed.append(name)
            print("FAIL %-38s %s" % (name, error), flush=True)
            traceback.print_exc()
            self.browser.screenshot(os.path.join(self.shots, "failed-%s.png" % name))

    def wait(self, condition, timeout=WAIT):
        return WebDriverWait(self.driver, timeout, poll_frequency=0.05).until(condition)

    def visible(self, element_id, timeout=WAIT):
        return self.wait(EC.visibility_of_element_located((By.ID, element_id)), timeout)

    def text(self, element_id):
        return self.driver.find_element(By.ID, element_id).text

    def expect(self, condition, message):
        if not condition:
            raise AssertionError(message)

    def sign_in(self, user, password):
        self.driver.get(self.base + "/login")
        self.driver.find_element(By.ID, "user").send_keys(user)
        self.driver.find_element(By.ID, "password").send_keys(password)
        self.driver.find_element(By.ID, "login").click()

    def shot(self, name):
        """A screenshot of the page scrolled to the top."""
        self.driver.execute_script("window.scrollTo(0, 0); if (document.activeElement) document.activeElement.blur();")
        self.browser.screenshot(os.path.join(self.shots, name))

    def session_cookie(self):
        cookie = self.driver.get_cookie("feedesk_session")
        self.expect(cookie is not None, "no session cookie")
        return {"feedesk_session": cookie["value"]}

    def fill(self, element_id, value):
        field = self.driver.find_element(By.ID, element_id)
        field.clear()
        field.send_keys(value)

    def choose_fee(self, query, name):
        self.fill("fee-search", query)
        option = (By.XPATH, "//ul[@id='fee-results']/li[.//span[@class='name' and normalize-space()='%s']]" % name)

        def picked(driver):
            # The list is re-rendered as search answers arrive: a replaced row is simply looked up again.
            try:
                driver.find_element(*option).click()
            except (StaleElementReferenceException, NoSuchElementException, ElementNotInteractableException):
                return False
            return driver.find_element(By.ID, "fee-chosen").is_displayed()
        self.wait(picked)

    # -- steps -----------------------------------------------------------------------------------
    def no_session(self):
        self.driver.get(self.base + "/desk")
        self.wait(EC.url_contains("/login"))
        self.expect("next=/desk" in self.driver.current_url, "no next= in " + self.driver.current_url)
        for path in ["/dossiers", "/display/quay-1", "/"]:
            self.expect(self.server.request("GET", path).status == 303, path + " without a session is not a redirect")
        answer = self.server.request("GET", "/api/v1/dossiers")
        self.expect(answer.status == 401, "API without a session gave %d" % answer.status)

    def wrong_password(self):
        self.sign_in("demo-desk", "not-the-password")
        message = self.visible("login-message")
        self.expect("không đúng" in message.text, "message: " + message.text)
        self.expect("/login" in self.driver.current_url, "left the login page")

    def login(self):
        self.sign_in("demo-desk", self.server.passwords["demo-desk"])
        self.wait(EC.url_contains("/desk"))
        self.visible("fee-search")
        cookie = self.driver.get_cookie("feedesk_session")
        self.expect(cookie["httpOnly"] and cookie.get("sameSite") == "Strict", "cookie flags: %r" % cookie)

    def bad_input(self):
        self.driver.find_element(By.ID, "create").click()
        message = self.visible("form-message")
        self.expect("Chọn thủ tục" in message.text and "Nhập mã hồ sơ" in message.text, "empty form: " + message.text)
        self.fill("fee-search", "thủ tục không tồn tại")
        self.wait(EC.text_to_be_present_in_element((By.ID, "fee-results"), "Không có thủ tục nào khớp"))
        self.driver.find_element(By.ID, "create").click()
        self.wait(EC.text_to_be_present_in_element((By.ID, "form-message"), "không có trong biểu phí"))
        self.choose_fee("giay phep xay dung nha", "Cấp giấy phép xây dựng nhà ở riêng lẻ")
        self.expect(self.driver.find_element(By.ID, "amount").get_attribute("value") == "75.000", "amount not pre-filled")
        self.fill("code", self.code)
        self.fill("applicant", "Nguyễn Thị <b>Hoa</b> & Co")
        self.fill("amount", "abc")
        self.driver.find_element(By.ID, "create").click()
        self.wait(EC.text_to_be_present_in_element((By.ID, "form-message"), "Số tiền \"abc\" không hợp lệ"))
        self.shot("desk-bad-input.png")
        answer = self.server.request("GET", "/api/v1/dossiers/" + self.code, cookies=self.session_cookie())
        self.expect(answer.status == 404, "bad input saved a dossier (%d)" % answer.status)

    def create_dossier(self):
        self.fill("amount", "75.000")
        # Two clicks in a row: the button is disabled during the first request, so only one POST happens.
        self.driver.execute_script("const b = document.getElementById('create'); b.click(); b.click();")
        status = self.visible("status")
        self.wait(EC.text_to_be_present_in_element((By.ID, "status"), "CHỜ THANH TOÁN"))
        self.wait(lambda d: d.execute_script("const q = document.getElementById('qr'); return q.complete && q.naturalWidth > 0;"))
        self.expect(not self.driver.find_element(By.ID, "form-message").is_displayed(),
                    "second click gave: " + self.text("form-message"))
        self.expect(self.text("amount-figure") == "75.000 ₫", "figure: " + self.text("amount-figure"))
        self.expect(self.text("amount-words") == "(Bảy mươi lăm nghìn đồng)", "words: " + self.text("amount-words"))
        self.expect(self.text("p-applicant") == "Nguyễn Thị <b>Hoa</b> & Co", "applicant not shown as text")
        self.reference = self.text("reference")
        self.expect(self.reference.startswith("HS"), "reference: " + self.reference)
        self.expect("Vietcombank" in self.text("bank") and self.text("account") == "0071000123456", "bank facts")
        size = self.driver.find_element(By.ID, "qr").size
        self.expect(size["width"] >= 250, "QR is small: %r" % size)
        self.expect(status.is_displayed(), "status hidden")
        listed = self.server.request("GET", "/api/v1/dossiers?date=" + time.strftime("%Y-%m-%d", time.gmtime(time.time() + 7 * 3600)),
                                     cookies=self.session_cookie()).json()
        self.expect(sum(1 for d in listed if d["code"] == self.code) == 1, "dossier not created exactly once")
        self.shot("desk-waiting.png")

    def print_slip(self):
        desk = self.driver.current_window_handle
        self.driver.find_element(By.ID, "print").click()
        self.wait(EC.number_of_windows_to_be(2))
        self.driver.switch_to.window([handle for handle in self.driver.window_handles if handle != desk][0])
        self.wait(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "PHIẾU THANH TOÁN PHÍ, LỆ PHÍ"))
        self.expect(self.driver.current_url.endswith("/api/v1/dossiers/%s/slip" % self.code), "slip URL " + self.driver.current_url)
        color = self.driver.execute_script("return getComputedStyle(document.querySelector('h1')).color;")
        self.expect(color == "rgb(11, 79, 138)", "the slip's own style was not applied (%s)" % color)
        self.driver.close()
        self.driver.switch_to.window(desk)

    def display_shows_qr(self):
        self.desk_window = self.driver.current_window_handle
        self.driver.switch_to.new_window("window")
        self.display_window = self.driver.current_window_handle
        self.browser.resize(1920, 1080)
        self.driver.get(self.base + "/display/demo-desk")
        self.visible("pay")
        self.wait(EC.text_to_be_present_in_element((By.ID, "amount"), "75.000 ₫"))
        self.wait(lambda d: d.execute_script("const q = document.getElementById('qr'); return q.complete && q.naturalWidth > 0;"))
        self.expect(self.text("reference") == self.reference, "display reference")
        self.shot("display-waiting.png")

    def paid_without_reload(self):
        self.driver.switch_to.window(self.desk_window)
        self.driver.execute_script("window.__sameDocument = 'yes';")
        answer = self.server.bank_callback(self.reference, 75000)
        self.expect(answer.status == 200, "callback answered %d %s" % (answer.status, answer.body[:200]))
        posted = time.monotonic()
        self.wait(EC.text_to_be_present_in_element((By.ID, "status"), "ĐÃ THANH TOÁN"), timeout=2.5)
        elapsed = time.monotonic() - posted
        self.expect(elapsed <= 2.0, "PAID shown after %.2f s" % elapsed)
        self.expect(self.driver.execute_script("return window.__sameDocument;") == "yes", "the page was reloaded")
        self.shot("desk-paid.png")
        self.driver.switch_to.window(self.display_window)
        self.visible("done", timeout=2.5)
        self.shot("display-paid.png")
        self.driver.close()
        self.driver.switch_to.window(self.desk_window)
        self.browser.resize(1366, 900)

    def repeated_code(self):
        self.driver.find_element(By.ID, "create").click()
        self.wait(EC.text_to_be_present_in_element((By.ID, "form-message"), "đã được đăng ký trước đó"))

    def cash_payment(self):
        self.driver.find_element(By.ID, "next").click()
        self.visible("payment-empty")
        self.choose_fee("chung thuc ban sao", "Chứng thực bản sao từ bản chính (mỗi trang)")
        self.fill("code", self.cash_code)
        self.fill("applicant", "Trần Văn Đức")
        self.fill("amount", "6.000")
        self.driver.find_element(By.ID, "create").click()
        self.wait(EC.text_to_be_present_in_element((By.ID, "amount-figure"), "6.000 ₫"))
        self.driver.find_element(By.ID, "cash-toggle").click()
        self.fill("receipt", "BL-%d" % random.randint(100000, 999999))
        self.driver.find_element(By.ID, "cash-submit").click()
        self.wait(EC.text_to_be_present_in_element((By.ID, "status"), "ĐÃ THANH TOÁN"))
        self.expect("Đã ghi nhận 6.000 ₫" in self.text("payment-message"), "cash message: " + self.text("payment-message"))

    def forged_csrf(self):
        cookies = self.session_cookie()
        body = ('{"code":"%s9","procedure":"CT.CHUKY","applicant":"X"}' % self.code).encode()
        for headers in [{}, {"X-CSRF-Token": "forged-token"}]:
            answer = self.server.request("POST", "/api/v1/dossiers", body=body, cookies=cookies,
                                         headers=dict(headers, **{"Content-Type": "application/json"}))
            self.expect(answer.status == 403 and answer.json()["code"] == "csrf", "forged CSRF gave %d" % answer.status)
        self.driver.find_element(By.ID, "next").click()
        self.driver.execute_script("document.querySelector('meta[name=\"csrf-token\"]').content = 'forged-token';")
        self.choose_fee("chung thuc chu ky", "Chứng thực chữ ký")
        self.fill("code", self.code + "9")
        self.fill("applicant", "Lê Văn Tám")
        self.driver.find_element(By.ID, "create").click()
        self.wait(EC.text_to_be_present_in_element((By.ID, "form-message"), "hãy tải lại trang"))
        answer = self.server.request("GET", "/api/v1/dossiers/" + self.code + "9", cookies=cookies)
        self.expect(answer.status == 404, "a forged request saved a dossier")
        logout = self.server.request("POST", "/logout", body=b"csrf=forged", cookies=cookies,
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.expect(logout.status == 403, "forged logout gave %d" % logout.status)

    def expired_session(self):
        self.driver.get(self.base + "/desk")
        self.visible("fee-search")
        self.server.expire_sessions()
        self.fill("fee-search", "chung")  # the search call gets 401 and the page goes to the login page
        self.wait(EC.url_contains("/login"))
        self.driver.get(self.base + "/desk")
        self.wait(EC.url_contains("expired=1"))
        self.expect("hết hạn" in self.visible("login-message").text, "no expiry message")

    def logout(self):
        self.sign_in("demo-desk", self.server.passwords["demo-desk"])
        self.wait(EC.url_contains("/desk"))
        self.driver.find_element(By.XPATH, "//form[@action='/logout']/button").click()
        self.wait(EC.text_to_be_present_in_element((By.ID, "login-message"), "Bạn đã đăng xuất"))
        self.driver.get(self.base + "/desk")
        self.wait(EC.url_contains("/login"))

    def accountant_role(self):
        self.sign_in("demo-accountant", self.server.passwords["demo-accountant"])
        self.wait(EC.url_contains("/review"))
        self.driver.get(self.base + "/dossiers")
        self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "table.list")))
        self.expect("Nguyễn Thị <b>Hoa</b> & Co" in self.driver.find_element(By.CSS_SELECTOR, "table.list").text, "escaped name not listed")
        self.expect(not self.driver.find_elements(By.CSS_SELECTOR, "table.list b"), "applicant HTML was rendered")
        self.shot("dossiers-accountant.png")
        self.driver.get(self.base + "/desk")
        self.wait(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Không có quyền"))
        self.driver.find_element(By.XPATH, "//form[@action='/logout']/button").click()
        self.wait(EC.url_contains("/login"))

    def no_script_errors(self):
        errors = self.browser.script_errors()
        self.expect(not errors, "console: %s" % errors)

    def rate_limit(self):
        for attempt in range(5):
            self.sign_in("ghost-user", "wrong-password-%d" % attempt)
            self.wait(EC.text_to_be_present_in_element((By.ID, "login-message"), "không đúng"))
        self.sign_in("ghost-user", "wrong-password-6")
        self.wait(EC.text_to_be_present_in_element((By.ID, "login-message"), "Đăng nhập sai quá nhiều lần"))
        self.shot("login-throttled.png")


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "feedesk")
    shots = os.environ.get("FEEDESK_SCREENSHOTS") or tempfile.mkdtemp(prefix="feedesk-screens-")
    os.makedirs(shots, exist_ok=True)
    started = time.monotonic()
    server = FeeDeskServer(binary)
    browser = Browser()
    flow = Flow(server, browser, shots)
    try:
        for name in ["no_session", "wrong_password", "login", "bad_input", "create_dossier", "print_slip", "display_shows_qr",
                     "paid_without_reload", "repeated_code", "cash_payment", "forged_csrf", "expired_session",
                     "logout", "accountant_role", "accountant_home", "upload_statement", "upload_again", "upload_not_statement",
                     "day_blocked", "review_queue", "review_resolve", "day_close", "hostile_memo", "split_and_refusals",
                     "force_close", "reports_daily", "reports_cashless", "receipt_register", "accountant_sign_out", "rate_limit", "no_script_errors"]:
            flow.check(name, getattr(flow, name))
    finally:
        browser.quit()
        server.stop()
    print("screenshots: %s (%.1f s in all)" % (shots, time.monotonic() - started))
    print("browser: %d passed, %d failed" % (len(flow.passed), len(flow.failed)))
    return 1 if flow.failed else 0


if __name__ == "__main__":
    sys.exit(main())
