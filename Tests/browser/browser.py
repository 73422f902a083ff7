"""Headless Chromium through chromedriver (Debian's packages), driven by selenium."""

import shutil

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


class Browser:
    """One headless Chromium window, 1366×900 (a common office screen), Vietnamese locale."""

    def __init__(self):
        options = webdriver.ChromeOptions()
        binary = shutil.which("chromium") or shutil.which("chromium-browser")
        if binary:
            options.binary_location = binary
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1366,900", "--lang=vi-VN", "--force-device-scale-factor=1",
                         "--no-first-run", "--disable-extensions", "--disable-background-networking"]:
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = shutil.which("chromedriver")
        if not driver:
            raise RuntimeError("chromedriver is not installed (Debian package chromium-driver)")
        # An explicit driver path: selenium must not try to download one (the machines are offline).
        self.driver = webdriver.Chrome(service=Service(executable_path=driver), options=options)
        self.driver.set_page_load_timeout(20)

    def resize(self, width, height):
        self.driver.set_window_size(width, height)

    def screenshot(self, path):
        try:
            self.driver.save_screenshot(path)
        except Exception as error:  # a screenshot must never hide the real failure
            print("(screenshot %s failed: %s)" % (path, error))

    def script_errors(self):
        """Console lines since the last call that tell of a script error or a Content-Security-Policy refusal."""
        lines = [entry.get("message", "") for entry in self.driver.get_log("browser")]
        return [line for line in lines if "Content Security Policy" in line or "Uncaught" in line or "SyntaxError" in line]

    def quit(self):
        try:
            self.driver.quit()
        except Exception:
            pass
