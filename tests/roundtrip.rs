//! The JSON the crate writes reads back into owned typed values
//! (`Export<'static>`), equal to the parse it came from.

use blog_export::{parse, Export};

#[test]
fn seeds_and_fixtures_round_trip_through_json() {
    for dir in ["seeds", "tests/fixtures"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let input = std::fs::read_to_string(&path).unwrap();
            let Ok(export) = parse(&input) else { continue };
            let json = serde_json::to_vec(&export).unwrap();
            // From a reader: nothing borrows from the JSON.
            let back: Export<'static> = serde_json::from_reader(&json[..]).unwrap();
            assert_eq!(back, export, "{}", path.display());
            assert_eq!(serde_json::to_vec(&back).unwrap(), json);
            assert_eq!(export.into_owned(), back);
        }
    }
}
