#!/usr/bin/env python3
"""Runs axe-core (axe-selenium-python) in headless Chromium on HTML reports and prints the
violations; exit 1 when there is a colour-contrast violation (or any, with --all-rules).

  pip install axe-selenium-python selenium; apt-get install chromium chromium-driver
  python3 scripts/axe-check.py /tmp/reports/us-or.html /tmp/reports/matrix-possession.html
"""
import pathlib
import sys

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

strict = "--all-rules" in sys.argv
files = [a for a in sys.argv[1:] if not a.startswith("--")]
options = webdriver.ChromeOptions()
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_script_timeout(600)
failed = False
try:
    for name in files:
        driver.get(pathlib.Path(name).resolve().as_uri())
        axe = Axe(driver)
        axe.inject()
        # The contrast rule alone unless --all-rules: the long reports take minutes otherwise.
        only = None if strict else {"runOnly": {"type": "rule", "values": ["color-contrast"]}}
        results = axe.run(options=only)
        violations = results["violations"]
        contrast = [v for v in violations if v["id"] == "color-contrast"]
        print(f"{name}: {len(violations)} violation(s), {sum(len(v['nodes']) for v in contrast)} contrast node(s)")
        for v in violations:
            print(f"  {v['id']} ({v['impact']}): {len(v['nodes'])} node(s): {v['help']}")
            for node in v["nodes"][:3]:
                print(f"    {node['target']}: {node['failureSummary'].splitlines()[-1].strip()}")
        if contrast or (strict and violations):
            failed = True
finally:
    driver.quit()
sys.exit(1 if failed else 0)
