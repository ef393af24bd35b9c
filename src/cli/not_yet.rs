//! Commands whose subsystem has not landed yet say so plainly, with a
//! distinct exit code, instead of pretending.

use super::EXIT_NOT_YET;

pub fn say(command: &str, what: &str) -> u8 {
    eprintln!(
        "pasos {command}: not available in this build yet ({what} is being built). \
Use `pasos check` to validate procedures today."
    );
    EXIT_NOT_YET
}
