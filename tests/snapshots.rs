//! The full parse of every seed, pinned with insta. The whole `Result` is
//! snapshotted, so an error would be pinned too.

#[test]
fn seeds() {
    insta::glob!("../seeds", "*.txt", |path| {
        let input = std::fs::read_to_string(path).unwrap();
        insta::assert_yaml_snapshot!(blog_export::parse(&input));
    });
}
