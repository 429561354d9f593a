//! The committed completions/ and man/ must match what the clap definitions
//! generate now: regenerate with `cargo run --example gen-docs`.

use std::path::Path;

#[test]
fn completions_and_man_pages_are_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stale = Vec::new();
    for (rel, want) in ldp::docs::generated_files().expect("generate") {
        match std::fs::read(root.join(&rel)) {
            Ok(have) if have == want => {}
            Ok(_) => stale.push(format!("{rel} (differs)")),
            Err(_) => stale.push(format!("{rel} (missing)")),
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files, run `cargo run --example gen-docs`: {stale:?}"
    );
}

#[test]
fn completions_command_prints_a_script() {
    let out = assert_cmd::cargo::cargo_bin_cmd!("ldp")
        .args(["completions", "bash"])
        .output()
        .expect("run ldp");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("_ldp()"), "{text}");
    assert!(text.contains("scan"), "{text}");
}
