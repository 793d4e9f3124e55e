//! `oversight checklists`: the checklists compiled into the binary.

use super::{CommandResult, Outcome, print};
use oversight::catalog::{BUNDLED, ChecklistRef};
use oversight::source::Limits;

pub fn run(limits: &Limits) -> CommandResult {
    let mut out = format!(
        "{:<24} {:<9} {:>10}  {}\n",
        "ID", "VERSION", "INDICATORS", "TITLE"
    );
    for bundled in BUNDLED {
        let checklist = ChecklistRef::Id(bundled.id.to_owned())
            .load_edition(limits, Some(bundled.version))?
            .value;
        let lang = checklist.default_language();
        out.push_str(&format!(
            "{:<24} {:<9} {:>10}  {}\n",
            checklist.id(),
            checklist.version(),
            checklist.indicators().len(),
            checklist.title().get(lang, lang)
        ));
    }
    print(&out)?;
    Ok(Outcome::Success)
}
