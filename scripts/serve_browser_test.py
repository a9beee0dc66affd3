#!/usr/bin/env python3
"""Drives `relmap serve` in headless Chromium through Selenium, as a user would.

Starts `relmap serve FOLDER --port 0`, opens the portfolio, opens north-steel, clicks
zhao in the diagram, sets his stance to supporter and saves. A second browser that
opened the page before that save then changes wu-zg and gets the conflict page, and
re-applies from it. Then a what-if in the page (qiao leaves: the comparison appears
under the form and the file's bytes do not change), su's stance changed in the what-if
and saved from it, and a person (gu) added with the add form. Finally stops the server
with SIGTERM (it must exit 0).
With --screenshots DIR, saves the account page at 1400 and 390 px wide and the what-if
page at 1400.

Exit 0 when every step did what a user expects, 1 otherwise (with the step that
failed); the Swift test (ServeBrowserTests) then reads the YAML on disk itself.
"""
import argparse
import os
import signal
import subprocess
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select, WebDriverWait


def browser(width):
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 f"--window-size={width},1000", "--force-device-scale-factor=1", "--lang=zh-CN"):
        options.add_argument(flag)
    if width < 500:
        # Chromium's windows are at least 500 px wide; a phone is emulated instead.
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": 844, "pixelRatio": 1}})
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    driver_path = "/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None
    return webdriver.Chrome(options=options, service=Service(driver_path) if driver_path else Service())


def fail(step):
    print(f"serve_browser_test: FAILED: {step}", file=sys.stderr)
    sys.exit(1)


def node_for(driver, person):
    """The diagram node of a person: the panel names it (data-node), Graphviz titles it."""
    node = driver.find_element(By.ID, f"p-{person}").get_attribute("data-node")
    for g in driver.find_elements(By.CSS_SELECTOR, ".viewport svg g.node"):
        if g.find_element(By.TAG_NAME, "title").get_attribute("textContent") == node:
            return g
    fail(f"no diagram node for {person}")


def set_stance(driver, person, stance):
    panel = driver.find_element(By.ID, f"p-{person}")
    Select(panel.find_element(By.NAME, "stance")).select_by_value(stance)
    panel.find_element(By.CSS_SELECTOR, "button[type=submit]").click()


def drawn(driver):
    """Waits until the page shows its own diagram: a page made while the diagram of a new
    version is being drawn shows the previous one and reloads itself when it is drawn."""
    WebDriverWait(driver, 30, ignored_exceptions=(WebDriverException,)).until(lambda d: d.execute_script(
        "return document.readyState === 'complete' && !document.querySelector('p[data-diagram-poll]')"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--relmap", required=True)
    parser.add_argument("--folder", required=True)
    parser.add_argument("--screenshots")
    args = parser.parse_args()

    server = subprocess.Popen([args.relmap, "serve", args.folder, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    drivers = []
    try:
        line = server.stdout.readline()
        if "http://" not in line:
            fail(f"the server printed no URL: {line!r} {server.stderr.read()!r}")
        url = line.split()[2]

        first = browser(1400)
        drivers.append(first)
        wait = WebDriverWait(first, 30)
        first.get(url)
        if "华北钢铁集团" not in first.page_source:
            fail("the portfolio does not list north-steel")
        first.find_element(By.CSS_SELECTOR, 'a[href="north-steel.html"]').click()
        wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".viewport svg g.node")))

        # A second user opens the same page now; it goes stale with the first save.
        second = browser(1400)
        drivers.append(second)
        second.get(url + "north-steel.html")
        WebDriverWait(second, 30).until(ec.presence_of_element_located((By.ID, "p-wu-zg")))

        node_for(first, "zhao").click()
        if first.find_element(By.ID, "p-zhao").get_attribute("open") is None:
            fail("clicking zhao in the diagram did not open his panel")
        set_stance(first, "zhao", "supporter")
        wait.until(lambda d: "saved=1" in d.current_url)
        drawn(first)
        if "已保存" not in first.page_source:
            fail("no saved notice after saving")
        selected = Select(first.find_element(By.ID, "p-zhao").find_element(By.NAME, "stance")).first_selected_option
        if selected.get_attribute("value") != "supporter":
            fail("the reloaded page does not show the new stance")

        # The stale page: a conflict, with what changed on disk, then a re-apply.
        second.execute_script("document.getElementById('p-wu-zg').open = true")
        set_stance(second, "wu-zg", "neutral")
        WebDriverWait(second, 30).until(lambda d: "Not saved" in d.page_source)
        if "-    stance: neutral" not in second.page_source or "+    stance: supporter" not in second.page_source:
            fail("the conflict page does not show zhao's change on disk")
        second.find_element(By.CSS_SELECTOR, "form.edit button[type=submit]").click()
        WebDriverWait(second, 30).until(lambda d: "saved=1" in d.current_url)

        # A what-if in the page: the comparison shows at once and nothing is written.
        north_steel = os.path.join(args.folder, "north-steel.yaml")
        first.get(url + "north-steel.html")
        wait.until(ec.presence_of_element_located((By.ID, "whatif-form")))
        with open(north_steel, "rb") as f:
            bytes_before = f.read()
        whatif = first.find_element(By.ID, "whatif-form")
        Select(whatif.find_element(By.NAME, "leave")).select_by_value("qiao")
        wait.until(lambda d: "前后对比" in d.find_element(By.ID, "whatif-result").text)
        if "乔雅 leaves the account" not in first.find_element(By.ID, "whatif-result").text:
            fail("the what-if result does not say that qiao leaves")
        with open(north_steel, "rb") as f:
            if f.read() != bytes_before:
                fail("showing a what-if changed the file")
        Select(whatif.find_element(By.NAME, "leave")).select_by_value("")
        Select(whatif.find_element(By.NAME, "stance_person")).select_by_value("su")
        Select(whatif.find_element(By.NAME, "stance")).select_by_value("neutral")
        wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, '#whatif-result input[name=stance][value=neutral]')))
        with open(north_steel, "rb") as f:
            if f.read() != bytes_before:
                fail("changing the what-if changed the file")
        first.find_element(By.CSS_SELECTOR, "#whatif-result form.wi-save button[type=submit]").click()
        wait.until(lambda d: "saved=1" in d.current_url)
        # The saved page reloads itself once the new diagram is drawn; the add form below
        # must be used on the page that stays, or its elements go stale under the clicks.
        drawn(first)
        with open(north_steel, encoding="utf-8") as f:
            if "    stance: blocker\n" in f.read():
                fail("saving the what-if did not change su's stance")

        # Add a person with the add form.
        first.find_element(By.CSS_SELECTOR, "#add-person summary").click()
        form = first.find_element(By.CSS_SELECTOR, "#add-person form")
        form.find_element(By.NAME, "id").send_keys("gu")
        form.find_element(By.NAME, "name").send_keys("顾明")
        form.find_element(By.NAME, "department").send_keys("财务部")
        Select(form.find_element(By.NAME, "stance")).select_by_value("supporter")
        Select(form.find_element(By.NAME, "reports_to")).select_by_value("zheng")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait.until(lambda d: "saved=1" in d.current_url)
        if not first.find_elements(By.ID, "p-gu"):
            fail("the page after adding gu has no panel for gu")
        with open(north_steel, encoding="utf-8") as f:
            if "  - id: gu\n" not in f.read():
                fail("gu is not in the file after adding")

        if args.screenshots:
            os.makedirs(args.screenshots, exist_ok=True)
            first.get(url + "north-steel.html#p-zhao")
            wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".viewport svg g.node")))
            drawn(first)
            time.sleep(0.5)
            first.save_screenshot(os.path.join(args.screenshots, "serve-north-steel.png"))
            phone = browser(390)
            drivers.append(phone)
            phone.get(url + "north-steel.html")
            WebDriverWait(phone, 30).until(ec.presence_of_element_located((By.CSS_SELECTOR, ".viewport svg g.node")))
            time.sleep(0.5)
            phone.save_screenshot(os.path.join(args.screenshots, "serve-north-steel-390.png"))
            first.get(url + "north-steel/whatif?leave=qiao&stance_person=zhou-fz&stance=supporter"
                      "&contact_member=wang&contact_person=zheng&contact_strength=medium")
            wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".whatif-result")))
            time.sleep(0.3)
            first.save_screenshot(os.path.join(args.screenshots, "serve-whatif.png"))
    finally:
        for d in drivers:
            d.quit()
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                fail("the server did not stop within 20 s of SIGTERM")
    if server.returncode != 0:
        fail(f"the server exited {server.returncode} after SIGTERM: {server.stderr.read()!r}")
    print("serve_browser_test: ok")


if __name__ == "__main__":
    main()
