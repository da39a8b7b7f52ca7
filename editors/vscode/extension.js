// Starts `playbook lsp` for playbooks and scenario files: diagnostics, hover, definitions and
// references, rename, completion, symbols, folding, formatting, code actions, semantic tokens.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("playbook").get("path") || "playbook";
  const serverOptions = { command, args: ["lsp"], transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "playbook" },
      { scheme: "file", language: "playbook-scenarios" },
    ],
  };
  client = new LanguageClient("playbook", "Playbook", serverOptions, clientOptions);
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
