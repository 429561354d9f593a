//! Regenerates `completions/` and `man/` from the clap definitions:
//! `cargo run --example gen-docs`. CI fails when the committed files differ.

fn main() -> anyhow::Result<()> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    ldp::docs::write_all(root)?;
    println!("wrote completions/ and man/ under {}", root.display());
    Ok(())
}
