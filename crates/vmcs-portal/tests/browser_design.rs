//! Browser tests with a real headless Chromium driven over WebDriver (Debian's `chromium`
//! and `chromium-driver`; `cargo test -p vmcs-portal --features browser --test browser`).
//! With the feature on and no Chromium, the test fails: it never skips. Screenshots go to
//! `VMCS_SCREENSHOTS` when it is set (the book's are made with `book/src/portal`).
//!
//! The flow: log in; configure a VM from the generated form; break a rule and see the
//! conflict with its suggestion next to the field; apply the fix; save; draw a two-VM
//! network in the designer; save it; reopen it and see the same drawing; ask for its
//! deployment plan.

#![cfg(feature = "browser")]

mod support;
mod webdriver;
use serde_json::Value;
use webdriver::{driver, Browser};

fn drawing(wd: &Browser<'_>) -> Value {
    wd.js("return [...document.querySelectorAll('#net-svg g')].map(g => (g.dataset.vm || g.dataset.switch) + '@' + g.getAttribute('transform')).concat([...document.querySelectorAll('#net-svg text[data-address]')].map(t => t.dataset.address + '=' + t.textContent)).sort();")
}

#[test]
fn configure_and_design_in_the_browser() {
    let srv = support::server();
    srv.add_user("alice", "password-a", false);
    let d = driver();
    let wd = Browser::new(&d, &srv.base);
    wd.login("alice", "password-a");
    wd.wait_text("main", "New profile");

    // configure: the form comes from the schema; the web preset compiles clean
    wd.go("/configure");
    wd.find(".field[data-path='/hardware/vcpus'] input");
    wd.wait_text("#cfg-status", "compiled clean");
    wd.fill("#cfg-name", "webvm");
    wd.fill("input[data-path='/hardware/memory']", "2048");
    wd.fill("input[data-path='/hardware/maxmem']", "1024");
    let slot = ".field[data-path='/hardware/maxmem'] .conflict-slot";
    wd.wait_text(slot, "suggestion");
    wd.wait_text("#cfg-pan", "\"/hardware/maxmem\" = 1024;");
    wd.shot("configure");
    wd.click(&format!("{slot} [data-apply-fix]"));
    wd.wait_text("#cfg-status", "compiled clean");
    wd.wait_text("input[data-path='/hardware/maxmem']", "2048");
    wd.wait_text("#cfg-xml", "<long name=\"maxmem\">2048</long>");
    wd.click("#cfg-save");
    wd.wait_text("#cfg-saved", "saved as profile");
    let profiles = srv.app.db_blocking(|s| s.profiles(Some("alice"))).unwrap();
    assert_eq!(profiles.len(), 1);
    assert_eq!(profiles[0].name, "webvm");

    // designer: two VMs on one switch
    wd.go("/designer");
    wd.find("#vm-source option");
    wd.fill("#net-name", "lab2");
    wd.click("#add-switch");
    wd.fill("#vm-name", "web1");
    wd.click("#add-vm");
    wd.fill("#vm-name", "web2");
    wd.click("#add-vm");
    for vm in ["web1", "web2"] {
        wd.click("#connect");
        wd.click(&format!("#net-svg g[data-vm='{vm}']"));
        wd.click("#net-svg g[data-switch='lan']");
    }
    wd.wait_text("#net-pan", "'address', \"10.20.0.3\"");
    wd.wait_text("#net-status", "compiles");
    let before = drawing(&wd);
    assert_eq!(before.as_array().unwrap().len(), 5, "{before}");
    wd.shot("designer");
    wd.click("#net-save");
    wd.wait_text("#net-status", "saved as design");
    let url = wd.cmd("GET", "/url", None);
    let url = url.as_str().unwrap().to_string();
    assert!(url.contains("/designer?id="), "{url}");
    let path = url.trim_start_matches(&srv.base).to_string();

    // reopen: the same drawing
    wd.go("/");
    wd.wait_text("main", "New profile");
    wd.go(&path);
    wd.wait_text("#net-status", "opened lab2");
    assert_eq!(
        drawing(&wd),
        before,
        "the reopened drawing is the one saved"
    );
    wd.click("#net-plan");
    wd.wait_text("#net-plan-table", "10.20.0.2");
    wd.shot("designer-plan");
}
