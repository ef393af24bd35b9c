//! The command line in the operator's language: clap's about, help and
//! headings for every command and option come from the catalog
//! (`src/i18n/ftl/<lang>/cli.ftl`), looked up by the command's path
//! (`cli-log-list`) and the argument's id (`cli-log-list--since`).
//! Options every command shares (`--lang`, `--help`, …) are named once at
//! the top (`cli--lang`).

use super::args::Cli;
use clap::{Arg, Command, CommandFactory};
use pasos::i18n::{Lang, catalog};
use pasos::tr;

/// The language asked for on the command line (`--lang es`, `--lang=en`),
/// else from the environment; read before clap, which needs it for help.
pub fn lang_of<I: IntoIterator<Item = String>>(args: I) -> Lang {
    let mut args = args.into_iter();
    while let Some(a) = args.next() {
        let value = match a.strip_prefix("--lang") {
            Some("") => args.next(),
            Some(v) if v.starts_with('=') => Some(v[1..].to_string()),
            _ => continue,
        };
        match value.as_deref() {
            Some("es") => return Lang::Es,
            Some("en") => return Lang::En,
            _ => break,
        }
    }
    Lang::from_env()
}

/// The parsed command line. Its texts are worded (hundreds of catalog
/// messages formatted) only when clap has something to print: help, the
/// version or an error. A command that just runs does not wait for them.
pub fn matches(lang: Lang) -> clap::ArgMatches {
    match Cli::command().try_get_matches() {
        Ok(m) => m,
        // Parsed again with the worded command line, which prints the
        // same outcome in the operator's language, and exits.
        Err(_) => command(lang).get_matches(),
    }
}

/// The whole command line, its texts in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut cmd = Cli::command();
    // Builds the help and version flags and the `help` subcommands, and
    // copies global options into every subcommand, so all can be worded.
    cmd.build();
    let exit_codes = tr!(lang, "cli-exit-codes");
    localize(cmd, lang, "cli")
        .after_help(exit_codes.clone())
        .mut_subcommand("check", |c| c.after_help(exit_codes.clone()))
        .mut_subcommand("run", |c| c.after_help(exit_codes.clone()))
}

fn localize(cmd: Command, lang: Lang, id: &str) -> Command {
    let text = |id: &str| catalog::has(lang, id).then(|| catalog::format(lang, id, None));
    let attr = |id: &str, a: &str| {
        let s = catalog::format_attr(lang, id, a, None);
        (s != format!("{id}.{a}")).then_some(s)
    };
    let mut cmd = cmd
        .subcommand_help_heading(tr!(lang, "cli-heading-commands"))
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
            tr!(lang, "cli-usage")
        ));
    if let Some(about) = text(id) {
        cmd = cmd.about(about);
    }
    if let Some(long) = attr(id, "long") {
        cmd = cmd.long_about(long);
    }
    if let Some(after) = attr(id, "after") {
        cmd = cmd.after_help(after);
    }
    let command_id = id.to_string();
    cmd = cmd.mut_args(|a| word_arg(a, lang, &command_id));
    if id == "cli-help" {
        // Its subcommands only name the commands `pasos help X` explains.
        return cmd;
    }
    cmd.mut_subcommands(|sub| {
        let sid = if sub.get_name() == "help" {
            "cli-help".to_string()
        } else {
            format!("{id}-{}", sub.get_name())
        };
        localize(sub, lang, &sid)
    })
}

fn word_arg(a: Arg, lang: Lang, command_id: &str) -> Arg {
    let id = arg_message(&a, command_id);
    let heading = if a.is_positional() {
        tr!(lang, "cli-heading-arguments")
    } else {
        tr!(lang, "cli-heading-options")
    };
    let mut a = a
        .help_heading(heading)
        .hide_possible_values(true)
        .hide_default_value(true);
    if catalog::has(lang, &id) {
        a = a.help(catalog::format(lang, &id, None));
    }
    a
}

/// The message id of an argument: shared ones (global, help, version) by
/// their name alone, the rest under their command.
fn arg_message(a: &Arg, command_id: &str) -> String {
    let name = a.get_id().as_str();
    if a.is_global_set() || name == "help" || name == "version" {
        format!("cli--{name}")
    } else {
        format!("{command_id}--{name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and every argument has its words in both languages.
    fn missing(cmd: &Command, id: &str, lang: Lang, out: &mut Vec<String>) {
        if !catalog::has(lang, id) {
            out.push(format!("{lang:?}: {id}"));
        }
        for a in cmd.get_arguments() {
            let m = arg_message(a, id);
            if !catalog::has(lang, &m) {
                out.push(format!("{lang:?}: {m}"));
            }
        }
        for sub in cmd.get_subcommands().filter(|_| id != "cli-help") {
            let sid = if sub.get_name() == "help" {
                "cli-help".to_string()
            } else {
                format!("{id}-{}", sub.get_name())
            };
            missing(sub, &sid, lang, out);
        }
    }

    #[test]
    fn every_command_and_option_is_worded_in_both_languages() {
        let mut cmd = Cli::command();
        cmd.build();
        let mut out = Vec::new();
        for lang in [Lang::Es, Lang::En] {
            missing(&cmd, "cli", lang, &mut out);
        }
        assert!(out.is_empty(), "no message for:\n{}", out.join("\n"));
    }

    #[test]
    fn help_is_in_the_language_asked_for() {
        let help = command(Lang::Es)
            .find_subcommand_mut("run")
            .unwrap()
            .render_long_help()
            .to_string();
        assert!(help.contains("Ensayo: muestra los comandos"), "{help}");
        assert!(help.contains("Opciones"), "{help}");
        assert!(help.contains("Códigos de salida"), "{help}");
        let help = command(Lang::En).render_help().to_string();
        assert!(help.contains("Usage: "), "{help}");
        assert!(help.contains("Run a procedure step by step."), "{help}");
    }

    #[test]
    fn the_language_is_read_before_clap() {
        let args = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(lang_of(args("pasos --lang es run x")), Lang::Es);
        assert_eq!(lang_of(args("pasos run --lang=en x")), Lang::En);
    }
}
