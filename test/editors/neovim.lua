-- Drives Neovim 0.7's built-in LSP client against `node dist/server.js --stdio`, as a user would with
-- no project-specific tuning: opens a document, waits for its diagnostics, hovers, applies a quick fix,
-- renames a volume, accepts completions through the omnifunc and types an edit sequence. Writes what
-- the editor shows (buffer text, diagnostics, hover window) as JSON to $ECI_OUT, then quits.
-- Run by test/editors/neovim.test.ts: nvim --headless -u NONE -i NONE -n -c "luafile neovim.lua"
local out_path = os.getenv('ECI_OUT')
local file = os.getenv('ECI_FILE')
local server = os.getenv('ECI_SERVER')
local results = { steps = {} }

local finished = false
local function finish(err)
  if finished then return end
  finished = true
  if err then results.error = tostring(err) end
  local f = io.open(out_path, 'w')
  f:write(vim.json.encode(results))
  f:close()
  vim.cmd(err and 'cquit! 1' or 'qall!')
end

local co
local function wait_until(cond, what, timeout)
  local deadline = vim.loop.now() + (timeout or 10000)
  local function poll()
    local ok, value = pcall(cond)
    if ok and value then
      local ok2, err = coroutine.resume(co)
      if not ok2 then finish(err) end
    elseif vim.loop.now() > deadline then
      local ok2, err = coroutine.resume(co, 'timeout')
      if not ok2 then finish(err) end
    else
      vim.defer_fn(poll, 20)
    end
  end
  vim.defer_fn(poll, 0)
  if coroutine.yield() == 'timeout' then error('timed out waiting for ' .. what) end
end

local function buffer_text()
  return table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n') .. '\n'
end

local function diagnostics()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(list, { code = d.code, lnum = d.lnum, col = d.col, message = d.message, severity = d.severity })
  end
  table.sort(list, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and tostring(a.code) < tostring(b.code)) end)
  return list
end

-- The diagnostics the server published last, with the document version they were computed for.
local published_version = -1
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  published_version = result.version or published_version
  return default_handler(err, result, ctx, config)
end

local function wait_diagnostics_current(what)
  wait_until(function() return published_version == vim.lsp.util.buf_versions[vim.api.nvim_get_current_buf()] end, 'diagnostics of ' .. what)
end

local function find_line(pattern)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
    if l:find(pattern) then return i end
  end
  error('no line matches ' .. pattern)
end

-- Types keys as the user does (insert mode included) and waits until Neovim has consumed them.
local function type_keys(keys)
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(keys, true, false, true), 'nt', false)
  wait_until(function() return vim.fn.getchar(1) == 0 end, 'keys to be read')
end

-- Omnifunc completion: <C-x><C-o>, wait for the menu, select the item whose word is `word`, accept it.
local function complete_with(word)
  type_keys('<C-x><C-o>')
  wait_until(function() return vim.fn.pumvisible() == 1 end, 'the completion menu for ' .. word)
  local items = vim.fn.complete_info({ 'items' }).items
  local index
  for i, item in ipairs(items) do
    if item.abbr == word then index = i break end
  end
  if not index then
    local words = {}
    for _, item in ipairs(items) do table.insert(words, item.abbr) end
    error('no completion ' .. word .. ' among ' .. table.concat(words, ', ') .. ' on the line ' .. vim.api.nvim_get_current_line())
  end
  type_keys(string.rep('<C-n>', index) .. '<C-y>')
  wait_until(function() return vim.fn.pumvisible() == 0 end, 'the completion menu to close')
  return #items
end

-- A multi-line item (a snippet sent as plain text) is accepted as completion plugins such as nvim-cmp
-- do: its textEdit applied to the buffer. The omnifunc cannot: Vim's complete() writes line breaks as
-- NUL characters, and Neovim 0.7's incremental sync then sends the server a garbled line.
local function accept_as_plugin(label)
  local params = vim.lsp.util.make_position_params()
  local responses = vim.lsp.buf_request_sync(0, 'textDocument/completion', params, 5000)
  for _, response in pairs(responses or {}) do
    local result = response.result or {}
    for _, item in ipairs(result.items or result) do
      if item.label == label then
        vim.lsp.util.apply_text_edits({ item.textEdit }, 0, 'utf-16')
        return item
      end
    end
  end
  error('no completion item ' .. label)
end

local function step(name, fn)
  local started = vim.loop.hrtime()
  local value = fn()
  table.insert(results.steps, { name = name, ms = (vim.loop.hrtime() - started) / 1e6, value = value })
end

co = coroutine.create(function()
  vim.opt.completeopt = { 'menuone', 'noselect' }
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  vim.bo.filetype = 'yaml'
  local client_id = vim.lsp.start_client({
    name = 'eci',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    init_options = vim.json.decode(os.getenv('ECI_INIT_OPTIONS') or '{}'),
  })
  vim.lsp.buf_attach_client(0, client_id)
  vim.bo.omnifunc = 'v:lua.vim.lsp.omnifunc'
  wait_until(function() local c = vim.lsp.get_client_by_id(client_id) return c and c.initialized end, 'the server to start')

  step('open', function()
    wait_diagnostics_current('the opened document')
    return { diagnostics = diagnostics() }
  end)

  step('hover', function()
    vim.api.nvim_win_set_cursor(0, { find_line('^ContainerGroupName:'), 3 })
    local before = vim.api.nvim_list_wins()
    vim.lsp.buf.hover()
    local float
    wait_until(function()
      for _, w in ipairs(vim.api.nvim_list_wins()) do
        if not vim.tbl_contains(before, w) and vim.api.nvim_win_get_config(w).relative ~= '' then float = w return true end
      end
    end, 'the hover window')
    local lines = vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(float), 0, -1, false)
    vim.api.nvim_win_close(float, true)
    return { lines = lines }
  end)

  -- Quick fixes on the line the diagnostic is on: Neovim sends the diagnostic back with its columns in
  -- bytes (shifted after the Japanese name on that line).
  local function quick_fix(line_pattern, title_pattern)
    vim.api.nvim_win_set_cursor(0, { find_line(line_pattern), 0 })
    local offered = {}
    local chosen = false
    vim.ui.select = function(items, opts, on_choice)
      for _, tuple in ipairs(items) do
        local title = opts.format_item(tuple)
        table.insert(offered, title)
        if not chosen and title:find(title_pattern) then
          chosen = true
          on_choice(tuple)
        end
      end
      if not chosen then on_choice(nil) end
    end
    local before = buffer_text()
    local tick = vim.b.changedtick
    vim.lsp.buf.code_action()
    wait_until(function() return #offered > 0 end, 'code actions')
    if chosen then wait_until(function() return vim.b.changedtick ~= tick end, 'the quick fix edit') end
    wait_diagnostics_current('the fixed document')
    return { offered = offered, applied = chosen, changed = before ~= buffer_text(), text = buffer_text(), diagnostics = diagnostics() }
  end
  step('quick-fix-type', function() return quick_fix('Cpu: "2"', 'without quotes') end)
  step('quick-fix-required', function() return quick_fix('^  %- Name: worker', 'Add required Image') end)

  step('rename', function()
    local row = find_line('^  %- Name: data')
    vim.api.nvim_win_set_cursor(0, { row, 10 })
    local tick = vim.b.changedtick
    vim.lsp.buf.rename('shared')
    wait_until(function() return vim.b.changedtick ~= tick end, 'the rename edits')
    wait_diagnostics_current('the renamed document')
    return { text = buffer_text(), diagnostics = diagnostics() }
  end)

  step('complete-key-and-value', function()
    vim.api.nvim_win_set_cursor(0, { find_line('^ContainerGroupName:'), 0 })
    type_keys('oRestartP')
    local key_items = complete_with('RestartPolicy')
    local value_items = complete_with('Never')
    type_keys('<Esc>')
    wait_diagnostics_current('the completed document')
    return { keyItems = key_items, valueItems = value_items, text = buffer_text() }
  end)

  step('complete-region', function()
    local row = find_line('^RegionId:')
    vim.api.nvim_buf_set_lines(0, row - 1, row, false, { 'RegionId: ' })
    vim.api.nvim_win_set_cursor(0, { row, 0 })
    type_keys('A' .. 'cn-sh')
    local n = complete_with('cn-shanghai')
    type_keys('<Esc>')
    return { items = n, line = vim.api.nvim_buf_get_lines(0, row - 1, row, false)[1] }
  end)

  step('complete-object-key', function()
    vim.api.nvim_win_set_cursor(0, { find_line('^ContainerGroupName:'), 0 })
    type_keys('oDnsC')
    complete_with('DnsConfig')
    type_keys('<Esc>')
    wait_diagnostics_current('the document with DnsConfig')
    return { text = buffer_text() }
  end)

  step('complete-snippet', function()
    local row = find_line('^    Image: busybox')
    vim.api.nvim_win_set_cursor(0, { row, 0 })
    type_keys('o<C-u>    Rea<Esc>')
    local item = accept_as_plugin('TCP probe')
    wait_diagnostics_current('the document with a probe')
    return { insertTextFormat = item.insertTextFormat, text = buffer_text(), diagnostics = diagnostics() }
  end)

  step('typed-edits', function()
    local row = find_line('^ContainerGroupName:')
    vim.api.nvim_win_set_cursor(0, { row, 0 })
    -- Break the name, then write it again: every keystroke is an incremental change.
    type_keys('A<BS><BS><BS>Web!<Esc>')
    wait_diagnostics_current('the broken name')
    local broken = diagnostics()
    type_keys('A<BS><BS><BS><BS>web<Esc>')
    wait_diagnostics_current('the repaired name')
    return { broken = broken, text = buffer_text(), diagnostics = diagnostics() }
  end)
end)

local ok, err = coroutine.resume(co)
if not ok then finish(err) end
-- The coroutine ends after its last step; quit then.
local function watch()
  if coroutine.status(co) == 'dead' then
    finish(results.error)
  else
    vim.defer_fn(watch, 50)
  end
end
vim.defer_fn(watch, 50)
