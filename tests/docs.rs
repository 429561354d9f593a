//! The committed completions/ and man/ must match what the clap definitions
//! generate now: regenerate with `cargo run --example gen-docs`.

mod support;

use std::path::Path;

use support::ldp_run;

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
    ldp_run(&["completions", "bash"])
        .ok()
        .stdout_has("_ldp()")
        .stdout_has("scan");
}
