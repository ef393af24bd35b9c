//! Joins the Fluent files of each language (`src/i18n/ftl/<lang>/*.ftl`,
//! in name order) into one resource per language, so that adding a file for
//! a new area needs no code change.

use std::fs;
use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    println!("cargo:rerun-if-changed=src/i18n/ftl");
    for lang in ["es", "en"] {
        let dir = Path::new("src/i18n/ftl").join(lang);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        let mut joined = String::new();
        for f in &files {
            println!("cargo:rerun-if-changed={}", f.display());
            let text = fs::read_to_string(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            joined.push_str(&format!(
                "\n## file: {}\n",
                f.file_name().unwrap().to_string_lossy()
            ));
            joined.push_str(&text);
            joined.push('\n');
        }
        fs::write(Path::new(&out).join(format!("{lang}.ftl")), joined).expect("write ftl");
    }
}
