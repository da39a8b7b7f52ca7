-- Neovim's built-in LSP client (0.7) against `playbook lsp`, run by NeovimTests.swift:
--   nvim --headless -u NONE -i NONE -n -c "luafile neovim_client.lua"
-- with PLAYBOOK_BIN (the binary), PLAYBOOK_FILE (the playbook to open), PLAYBOOK_OUT (where
-- to write what was seen, as JSON) and PLAYBOOK_MODE:
--   diagnostics  wait for the file's diagnostics and report them as vim.diagnostic has them
--   navigate     go to the definition under the cursor (PLAYBOOK_LINE, PLAYBOOK_COLUMN: 1-based
--                line, 0-based byte column), then rename the question under the cursor there
--                (PLAYBOOK_RENAME_LINE, PLAYBOOK_RENAME_COLUMN) to PLAYBOOK_NEW_NAME
-- Either way the client is stopped at the end (shutdown, exit) and the server's exit code kept.
local seen = {}
local timeout = 15000

local function main()
  local file = os.getenv("PLAYBOOK_FILE")
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "playbook",
    cmd = { os.getenv("PLAYBOOK_BIN"), "lsp" },
    root_dir = vim.fn.fnamemodify(file, ":h"),
    on_exit = function(code, signal) seen.exit_code = code; seen.exit_signal = signal end,
  })
  assert(client_id, "the client did not start")
  vim.lsp.buf_attach_client(bufnr, client_id)
  seen.initialized = vim.wait(timeout, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized == true
  end, 20)

  local mode = os.getenv("PLAYBOOK_MODE")
  if mode == "diagnostics" then
    seen.published = vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
    seen.diagnostics = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      table.insert(seen.diagnostics, {
        lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
        severity = d.severity, message = d.message, source = d.source, code = d.code,
      })
    end
  elseif mode == "navigate" then
    vim.api.nvim_win_set_cursor(0, { tonumber(os.getenv("PLAYBOOK_LINE")), tonumber(os.getenv("PLAYBOOK_COLUMN")) })
    vim.lsp.buf.definition()
    local start = vim.api.nvim_win_get_cursor(0)
    seen.jumped = vim.wait(timeout, function()
      local now = vim.api.nvim_win_get_cursor(0)
      return now[1] ~= start[1] or now[2] ~= start[2]
    end, 20)
    seen.definition = vim.api.nvim_win_get_cursor(0)
    vim.api.nvim_win_set_cursor(0, { tonumber(os.getenv("PLAYBOOK_RENAME_LINE")), tonumber(os.getenv("PLAYBOOK_RENAME_COLUMN")) })
    local before = vim.api.nvim_buf_get_changedtick(bufnr)
    vim.lsp.buf.rename(os.getenv("PLAYBOOK_NEW_NAME"))
    seen.renamed = vim.wait(timeout, function() return vim.api.nvim_buf_get_changedtick(bufnr) ~= before end, 20)
    seen.lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  end

  vim.lsp.stop_client(client_id)
  seen.stopped = vim.wait(timeout, function() return seen.exit_code ~= nil end, 20)
end

local ok, problem = pcall(main)
if not ok then seen.error = tostring(problem) end
local out = io.open(os.getenv("PLAYBOOK_OUT"), "w")
out:write(vim.fn.json_encode(seen))
out:close()
vim.cmd("qa!")
