//! The home screen's data, handed to the window with its page. Read once before the window
//! opens and injected as a script that runs before the page's own, it lets the first screen be
//! drawn whole as soon as the app's code runs, instead of drawing it empty and again after
//! three IPC round trips (issue #14: start-up near a bare window). Every later visit to the
//! home screen asks over IPC as before.

use serde::Serialize;
use ts_rs::TS;
use yardstick::contributions::answering::{self, AnsweringSummary};
use yardstick::store::assessments::{self, AssessmentSummary};
use yardstick::store::organisations::{self, Organisation};
use yardstick::store::Connection;

use crate::state::AppState;

/// The global the page reads the snapshot from, once (`ui/src/lib/startup.ts`).
pub const GLOBAL: &str = "__YARDSTICK_HOME__";

/// What `list_assessments`, `list_organisations` and `list_answering` would answer.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HomeSnapshot {
    pub assessments: Vec<AssessmentSummary>,
    pub organisations: Vec<Organisation>,
    pub answering: Vec<AnsweringSummary>,
}

/// The snapshot, or none when the database cannot be read: the home screen then asks over
/// IPC, and the error those calls return is what the user sees.
pub fn read(state: &AppState) -> Option<HomeSnapshot> {
    state.with_connection(|conn| snapshot(conn)).ok()
}

fn snapshot(conn: &Connection) -> yardstick::Result<HomeSnapshot> {
    Ok(HomeSnapshot {
        assessments: assessments::list_summaries(conn)?,
        organisations: organisations::list_organisations(conn)?,
        answering: answering::list_answering(conn)?,
    })
}

/// The script that hands the snapshot to the page. The JSON goes in as a string literal for
/// `JSON.parse`, so no text in the data (quotes, `</script>`, line separators) can end the
/// string or run as code.
pub fn initialization_script(snapshot: &HomeSnapshot) -> Option<String> {
    let json = serde_json::to_string(snapshot).ok()?;
    let literal = serde_json::to_string(&json).ok()?;
    Some(format!("window.{GLOBAL} = JSON.parse({literal});"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use yardstick::store::organisations::OrganisationKind;

    fn snapshot_with_organisation_named(name: &str) -> HomeSnapshot {
        let organisation = Organisation {
            id: 1,
            name: name.to_string(),
            kind: OrganisationKind::WelshPrincipal,
            gss_code: None,
            created_at: "2026-11-29T09:00:00Z".into(),
            updated_at: "2026-11-29T09:00:00Z".into(),
        };
        HomeSnapshot {
            assessments: Vec::new(),
            organisations: vec![organisation],
            answering: Vec::new(),
        }
    }

    /// The snapshot is what the three list commands answer, read from a real database.
    #[test]
    fn the_snapshot_is_what_the_list_commands_answer() {
        let folder = tempfile::tempdir().unwrap();
        let conn = yardstick::store::open(&folder.path().join("yardstick.sqlite3")).unwrap();
        yardstick::example_data::load_example_data(&conn).unwrap();
        let taken = serde_json::to_value(snapshot(&conn).unwrap()).unwrap();
        let listed = serde_json::json!({
            "assessments": assessments::list_summaries(&conn).unwrap(),
            "organisations": organisations::list_organisations(&conn).unwrap(),
            "answering": answering::list_answering(&conn).unwrap(),
        });
        assert_eq!(taken, listed);
        assert_eq!(taken["assessments"].as_array().unwrap().len(), 3);
    }

    /// The script is one statement whose only string literal is the JSON: take the literal
    /// back out and it parses to exactly the snapshot.
    #[test]
    fn the_script_carries_hostile_text_as_data() {
        let hostile = "Cyngor \"Môn\" </script><script>alert(1)</script>\u{2028}\\ ${x} `y`";
        let snapshot = snapshot_with_organisation_named(hostile);
        let script = initialization_script(&snapshot).expect("a script");
        let prefix = format!("window.{GLOBAL} = JSON.parse(");
        let literal = script
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(");"))
            .expect("one JSON.parse of one literal");
        let json: String = serde_json::from_str(literal).expect("a single string literal");
        let value: serde_json::Value = serde_json::from_str(&json).expect("JSON inside");
        assert_eq!(value["organisations"][0]["name"], hostile);
        assert_eq!(value, serde_json::to_value(&snapshot).unwrap());
    }
}
