-- Playbooks and scenario files in Neovim 0.7 or later: their filetypes, the language server
-- (`playbook lsp`, started once per project and shared by its files), and formatting on save.
--
-- Load it from your init.lua:   dofile("/path/to/playbook/editors/neovim/playbook.lua")
-- On Neovim 0.11 or later, docs/editors.md shows the shorter vim.lsp.config form.

local filetypes = { playbook = "playbook", scenarios = "playbook_scenarios" }
-- The language ids the server is told: the filetype is spelt with '_', the language id with '-'.
local language_ids = { playbook = "playbook", playbook_scenarios = "playbook-scenarios" }

if vim.fn.has("nvim-0.8") == 1 then
  vim.filetype.add({ extension = filetypes })
else
  -- Neovim 0.7 reads vim.filetype.add only with g:do_filetype_lua set: an autocommand works everywhere.
  for extension, filetype in pairs(filetypes) do
    vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, {
      pattern = "*." .. extension,
      command = "setfiletype " .. filetype,
    })
  end
end

-- The project: the nearest folder above the file that holds .git, else the file's own folder.
local function root_of(path)
  local folder = vim.fn.fnamemodify(path, ":p:h")
  local git = vim.fn.finddir(".git", folder .. ";")
  if git ~= "" then
    return vim.fn.fnamemodify(git, ":p:h:h")
  end
  return folder
end

local function format_before_writing(buffer)
  vim.api.nvim_create_autocmd("BufWritePre", {
    buffer = buffer,
    callback = function()
      if vim.lsp.buf.format then
        vim.lsp.buf.format({ name = "playbook", timeout_ms = 2000 })
      else
        vim.lsp.buf.formatting_sync(nil, 2000)
      end
    end,
  })
end

local clients = {} -- Neovim 0.7: one client per project, by its folder.

vim.api.nvim_create_autocmd("FileType", {
  pattern = { "playbook", "playbook_scenarios" },
  callback = function(event)
    local buffer = event.buf
    vim.bo[buffer].commentstring = "# %s"
    vim.bo[buffer].expandtab = true
    vim.bo[buffer].shiftwidth = 2
    local config = {
      name = "playbook",
      cmd = { "playbook", "lsp" },
      root_dir = root_of(vim.api.nvim_buf_get_name(buffer)),
      get_language_id = function(_, filetype)
        return language_ids[filetype] or filetype
      end,
    }
    if vim.lsp.start then
      vim.lsp.start(config, { bufnr = buffer })
    else
      local client = clients[config.root_dir]
      if client == nil then
        client = vim.lsp.start_client(config)
        clients[config.root_dir] = client
      end
      if client then
        vim.lsp.buf_attach_client(buffer, client)
      end
    end
    format_before_writing(buffer)
  end,
})
