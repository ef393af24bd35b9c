//! The procedures shipped in `procedures/` each have an id of their own:
//! history, KPIs and the catalog group runs by procedure id, so two files
//! with one id would mix their figures.

#[test]
fn every_shipped_procedure_has_its_own_id() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/procedures");
    let mut seen = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let procedure = pasos::procedure::load_str(&text)
            .procedure
            .unwrap_or_else(|| panic!("{} does not load", path.display()));
        if let Some(other) = seen.insert(procedure.meta.id.clone(), path.clone()) {
            panic!(
                "{} and {} both use the id {}",
                other.display(),
                path.display(),
                procedure.meta.id
            );
        }
    }
    assert!(seen.len() >= 5, "{seen:?}");
}
