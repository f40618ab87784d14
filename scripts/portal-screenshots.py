#!/usr/bin/env python3
"""Drive the portal in headless Chromium over WebDriver (chromedriver, plain HTTP calls):
log in through the form, create a profile that breaks a knowledge-center rule, see the
conflict with its suggestion, apply the fix, save, open the profile page and the manager,
log out, and take a screenshot of each page into book/src/portal/.

Usage: scripts/portal-screenshots.py  (needs target/release/vmcs, chromium, chromedriver)
Exits non-zero when a step does not show what it should.
"""
import json, os, socket, subprocess, sys, tempfile, time, urllib.request, base64

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VMCS = os.path.join(ROOT, "target/release/vmcs")
OUT = os.path.join(ROOT, "book/src/portal")

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

def wait_port(p):
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", p), 0.2).close(); return
        except OSError:
            time.sleep(0.05)
    sys.exit(f"port {p} never opened")

def wd(method, path, body=None):
    req = urllib.request.Request(WD + path, method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.load(r)["value"]

def find(css):
    v = wd("POST", f"/session/{SID}/element", {"using": "css selector", "value": css})
    return list(v.values())[0]

def wait_text(css, text, timeout=20):
    t = time.time()
    while time.time() - t < timeout:
        try:
            got = wd("GET", f"/session/{SID}/element/{find(css)}/text")
            if text in got:
                return got
        except Exception:
            pass
        time.sleep(0.2)
    shot("failed")
    sys.exit(f"FAIL: `{text}` never appeared in {css}")

def shot(name):
    png = base64.b64decode(wd("GET", f"/session/{SID}/screenshot"))
    with open(os.path.join(OUT, name + ".png"), "wb") as f:
        f.write(png)
    print("screenshot", name)

state = tempfile.mkdtemp(prefix="vmcs-portal-shots-")
subprocess.run([VMCS, "user", "add", "alice", "--admin", "--password-stdin", "--state-dir", state],
               input=b"password-a\n", check=True)
port, wport = free_port(), free_port()
serve = subprocess.Popen([VMCS, "serve", "--no-monitor", "--listen", f"127.0.0.1:{port}", "--state-dir", state],
                         stderr=subprocess.DEVNULL)
driver = subprocess.Popen(["chromedriver", f"--port={wport}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    wait_port(port); wait_port(wport)
    WD = f"http://127.0.0.1:{wport}"
    SID = wd("POST", "/session", {"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
        "args": ["--headless=new", "--no-sandbox", "--window-size=1200,1000"]}}}})["sessionId"]
    base = f"http://127.0.0.1:{port}"
    wd("POST", f"/session/{SID}/url", {"url": base + "/login"})
    shot("login")
    wd("POST", f"/session/{SID}/element/{find('input[name=user]')}/value", {"text": "alice"})
    wd("POST", f"/session/{SID}/element/{find('input[name=password]')}/value", {"text": "password-a"})
    wd("POST", f"/session/{SID}/element/{find('#login button')}/click", {})
    wait_text("main", "New profile")
    # A template that breaks a hardware rule: the conflict shows with its suggestion.
    pan = ("object template lab;\ninclude 'vmcs/vm';\ninclude 'vmcs/presets/web';\n"
           "'/hardware/memory' = 1024;\n'/hardware/maxmem' = 512;\n")
    ta = find("#new-profile textarea")
    wd("POST", f"/session/{SID}/element/{ta}/clear", {})
    wd("POST", f"/session/{SID}/element/{ta}/value", {"text": pan})
    wd("POST", f"/session/{SID}/element/{find('#new-profile input[name=name]')}/value", {"text": "lab"})
    wd("POST", f"/session/{SID}/element/{find('[data-compile]')}/click", {})
    wait_text("#result", "suggestion")
    shot("conflict")
    wd("POST", f"/session/{SID}/element/{find('[data-apply-fix]')}/click", {})
    wait_text("#result", "compiled clean")
    shot("fixed")
    wd("POST", f"/session/{SID}/element/{find('#new-profile button[type=submit]')}/click", {})
    wait_text("main", "Versions")
    shot("profile")
    wd("POST", f"/session/{SID}/url", {"url": base + "/"})
    wait_text("#profiles", "lab")
    shot("home")
    wd("POST", f"/session/{SID}/url", {"url": base + "/admin"})
    wait_text("main", "Users")
    shot("manager")
    wd("POST", f"/session/{SID}/element/{find('#logout')}/click", {})
    wait_text("main", "Log in")
    wd("POST", f"/session/{SID}/url", {"url": base + "/"})
    wait_text("main", "Log in")
    print("browser flow: ok")
    wd("DELETE", f"/session/{SID}")
finally:
    serve.kill(); driver.kill()
