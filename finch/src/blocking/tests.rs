//! Every async method of the client and its handles has a blocking twin. The accessors that
//! `handle!` writes have theirs by construction; this reads the sources for what is written by
//! hand, so that a method added by hand without its twin fails here.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(sources(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            files.push((path, text));
        }
    }
    files
}

/// The code lines (not comments) of a source.
fn code(source: &str) -> impl Iterator<Item = &str> {
    source
        .lines()
        .map(str::trim_start)
        .filter(|line| !line.starts_with("//"))
}

/// The names of the `pub fn` and `pub async fn` in every top-level block that starts with the
/// line `header` (rustfmt's layout: the block ends at the first `}` in column 0).
fn methods(source: &str, header: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut inside = false;
    for line in source.lines() {
        if line == header {
            inside = true;
        } else if inside && line == "}" {
            inside = false;
        } else if inside {
            let line = line.trim_start();
            let rest = line
                .strip_prefix("pub fn ")
                .or_else(|| line.strip_prefix("pub async fn "));
            if let Some(rest) = rest {
                let name = rest.split(['(', '<']).next().unwrap();
                names.insert(name.to_owned());
            }
        }
    }
    names
}

/// The methods of the blocking twins written by hand in `source`, beside their async forms: the
/// `impl` blocks under `#[cfg(feature = "blocking")]` (`impl crate::blocking::Handle<'_, H<'_>>`,
/// `impl crate::blocking::Finch`, or the blocking form of a stream).
fn twins_beside(source: &str) -> BTreeSet<String> {
    let lines: Vec<&str> = source.lines().collect();
    lines
        .windows(2)
        .filter(|pair| {
            pair[0] == "#[cfg(feature = \"blocking\")]"
                && pair[1].starts_with("impl ")
                && pair[1].ends_with(" {")
        })
        .flat_map(|pair| methods(source, pair[1]))
        .collect()
}

/// The text from each `pub async fn` to the first `{` or `;` after it.
fn async_signatures(source: &str) -> Vec<String> {
    let code: Vec<&str> = code(source).collect();
    let code = code.join("\n");
    code.match_indices("pub async fn ")
        .map(|(at, _)| {
            let rest = &code[at..];
            let end = rest.find(['{', ';']).map_or(rest.len(), |end| end + 1);
            rest[..end].to_owned()
        })
        .collect()
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn every_async_accessor_of_a_handle_is_an_entry_of_the_declaration() {
    let mut checked = 0;
    for (path, source) in sources(&src()) {
        let file = path
            .strip_prefix(src())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        // The client's own methods (checked below), the macros, and the blocking client.
        if ["client.rs", "handles.rs", "listing.rs"].contains(&file.as_str())
            || file.starts_with("blocking")
        {
            continue;
        }
        let twins = twins_beside(&source);
        for signature in async_signatures(&source) {
            checked += 1;
            // A method that does more than send one request (polls, reads in batches) is
            // written by hand, with its twin beside it.
            let name = signature["pub async fn ".len()..]
                .split(['(', '<'])
                .next()
                .unwrap();
            assert!(
                signature.ends_with(';') || twins.contains(name),
                "{file}: an async method written by hand has no blocking twin; declare it in \
                 `handle!` (handles.rs says how), or write its twin beside it, in an `impl` \
                 block under `#[cfg(feature = \"blocking\")]`:\n{signature}"
            );
        }
    }
    // The entries of the handles: the 55 operations and the deprecated aliases, less the six
    // listings, whose accessors `listing_accessors!` writes.
    assert!(
        checked >= 50,
        "only {checked} accessors found: is the scan reading the sources?"
    );
}

#[test]
fn every_method_of_a_handle_written_by_hand_has_a_twin() {
    let mut checked = 0;
    for (path, source) in sources(&src()) {
        let handles = code(&source)
            .filter_map(|line| line.strip_prefix("pub struct "))
            .filter_map(|rest| rest.strip_suffix("<'a> {"))
            .filter(|_| source.contains("handle! {"))
            .map(str::to_owned)
            .collect::<Vec<_>>();
        for handle in handles {
            let by_hand = methods(&source, &format!("impl {handle}<'_> {{"));
            if by_hand.is_empty() {
                continue;
            }
            checked += by_hand.len();
            let twins = methods(
                &source,
                &format!("impl crate::blocking::Handle<'_, {handle}<'_>> {{"),
            );
            assert_eq!(
                by_hand,
                twins,
                "{}: `{handle}`'s methods written by hand and their blocking twins",
                path.display()
            );
        }
    }
    assert!(
        checked >= 1,
        "no method written by hand found (`Connect::auth_url` is one)"
    );
}

#[test]
fn every_method_of_the_client_has_a_twin() {
    let read = |file: &str| std::fs::read_to_string(src().join(file)).unwrap();
    let mut async_methods = methods(&read("client.rs"), "impl Finch {");
    async_methods.extend(methods(&read("webhooks/mod.rs"), "impl Finch {"));
    let blocking = methods(&read("blocking/client.rs"), "impl Finch {");
    let missing: Vec<_> = async_methods.difference(&blocking).collect();
    assert!(
        missing.is_empty(),
        "no blocking twin of `Finch::{missing:?}`"
    );
    assert!(async_methods.contains("send") && async_methods.contains("webhooks"));
}

#[test]
fn the_scan_finds_a_method_written_by_hand() {
    let source = "impl Directory<'_> {\n    pub async fn list_individuals(self) -> Result<(), Error> {\n        todo()\n    }\n}\n";
    assert_eq!(
        methods(source, "impl Directory<'_> {"),
        BTreeSet::from(["list_individuals".to_owned()])
    );
    let signatures = async_signatures(source);
    assert_eq!(signatures.len(), 1);
    assert!(!signatures[0].ends_with(';'));
}
