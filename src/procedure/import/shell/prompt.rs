//! `$ command` prompts followed by their output.

/// `$ cmd` prompts: the commands, and the lines after each (its output).
pub fn prompted(text: &str) -> Option<(Vec<String>, Vec<String>)> {
    let has_prompt = text.lines().any(|l| l.starts_with("$ ") || l == "$");
    if !has_prompt {
        return None;
    }
    let mut commands: Vec<String> = Vec::new();
    let mut output = Vec::new();
    let mut continuing = false;
    for line in text.lines() {
        if continuing {
            if let Some(last) = commands.last_mut() {
                last.push('\n');
                last.push_str(line);
            }
            continuing = line.trim_end().ends_with('\\');
            continue;
        }
        if let Some(cmd) = line.strip_prefix("$ ") {
            commands.push(cmd.trim_end().to_string());
            continuing = cmd.trim_end().ends_with('\\');
        } else if !line.trim().is_empty() {
            output.push(line.trim_end().to_string());
        }
    }
    Some((commands, output))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompts_and_output() {
        let (c, o) = prompted("$ kubectl get sc\nNAME  PROVISIONER\nstandard  gce\n").unwrap();
        assert_eq!(c, vec!["kubectl get sc"]);
        assert_eq!(o.len(), 2);
    }
}
