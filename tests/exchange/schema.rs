//! The published JSON Schema is generated from the format's Rust types and checked in; this
//! fails when it is stale. Regenerate with `UPDATE_SCHEMA=1 cargo test -p yardstick --test
//! exchange json_schema`.

use std::path::PathBuf;

use yardstick::exchange::format::*;
use yardstick::store::actions::ActionStatus;
use yardstick::store::answers::Confidence;
use yardstick::store::organisations::OrganisationKind;

#[test]
fn json_schema_is_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/exchange-format.schema.json");
    let expected = yardstick::exchange::json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    // Other councils' tools validate against the published schema; it must match the code.
    assert!(actual == expected, "{} is stale: run `UPDATE_SCHEMA=1 cargo test -p yardstick --test exchange json_schema` and commit it", path.display());
}

fn serde_name<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn format_names_match_serde_and_the_store() {
    // The format's words are written by serde and read into the store by `as_str`; they
    // must be the same words, or an import would store something the store cannot read.
    for kind in OrganisationKindDoc::ALL {
        assert_eq!(serde_name(kind), kind.as_str());
        assert!(OrganisationKind::parse(kind.as_str()).is_ok(), "{kind:?}");
    }
    assert_eq!(
        OrganisationKindDoc::ALL.len(),
        OrganisationKind::ALL.len(),
        "every kind has a name in the format"
    );
    for confidence in ConfidenceDoc::ALL {
        assert_eq!(serde_name(confidence), confidence.as_str());
        assert!(Confidence::parse(confidence.as_str()).is_ok());
    }
    for status in ActionStatusDoc::ALL {
        assert_eq!(serde_name(status), status.as_str());
        assert!(ActionStatus::parse(status.as_str()).is_ok());
    }
    for status in AssessmentStatusDoc::ALL {
        assert_eq!(serde_name(status), status.as_str());
    }
    for kind in EvidenceKindDoc::ALL {
        assert_eq!(serde_name(kind), kind.as_str());
    }
}

#[test]
fn the_schema_describes_the_document_an_export_writes() {
    let schema: serde_json::Value =
        serde_json::from_str(&yardstick::exchange::json_schema()).unwrap();
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let (db, ids) = crate::common::example_db();
    let document = crate::common::export(&db.conn, ids[0], false);
    for field in &required {
        assert!(
            document.get(field).is_some(),
            "an export has the required field {field}"
        );
    }
    for field in document.as_object().unwrap().keys() {
        assert!(
            schema["properties"].get(field).is_some(),
            "the schema describes {field}"
        );
    }
    assert_eq!(
        schema["additionalProperties"], false,
        "unknown fields are refused, as the reader does"
    );
}
