//! Starts `playbook lsp` for playbooks and scenario files: the `playbook` program found on the
//! PATH of the project's shell.

use zed_extension_api::{self as zed, LanguageServerId, Result};

struct PlaybookExtension;

impl zed::Extension for PlaybookExtension {
    fn new() -> Self {
        PlaybookExtension
    }

    fn language_server_command(
        &mut self,
        _language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let command = worktree
            .which("playbook")
            .ok_or_else(|| "no playbook program on the PATH: build it and put it there (docs/editors.md)".to_string())?;
        Ok(zed::Command { command, args: vec!["lsp".to_string()], env: Default::default() })
    }
}

zed::register_extension!(PlaybookExtension);
