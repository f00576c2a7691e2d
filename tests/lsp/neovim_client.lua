-- Neovim's built-in LSP client against `copyfix server`: open the file given as the first
-- script argument, wait for the server's diagnostics, write them as JSON to the second, quit.
-- Run as: nvim --headless --clean -u NONE -c "luafile neovim_client.lua" -- FILE OUT CMD...
local args = vim.v.argv
local sep
for i, a in ipairs(args) do
  if a == "--" then sep = i end
end
local file, out = args[sep + 1], args[sep + 2]
local cmd = {}
for i = sep + 3, #args do
  table.insert(cmd, args[i])
end

vim.cmd("edit " .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = "copyfix",
  cmd = cmd,
  root_dir = vim.fn.fnamemodify(file, ":p:h"),
})
vim.lsp.buf_attach_client(buf, client_id)
local ok = vim.wait(20000, function()
  return #vim.diagnostic.get(buf) > 0
end, 50)

local found = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(found, {
    code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code),
    source = d.source,
    lnum = d.lnum,
    col = d.col,
    end_col = d.end_col,
    message = d.message,
  })
end
vim.fn.writefile({ vim.fn.json_encode({ ok = ok, diagnostics = found }) }, out)
vim.lsp.stop_client(client_id)
vim.wait(3000, function()
  return vim.lsp.get_client_by_id(client_id) == nil
end, 50)
vim.cmd("qall!")
