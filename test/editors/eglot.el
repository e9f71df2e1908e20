;;; eglot.el --- drives Emacs 28's Eglot 1.9 against `node dist/server.js --stdio'  -*- lexical-binding: t -*-
;; As a user would with no project-specific tuning (Eglot's own capabilities: no snippets without
;; yasnippet, plain text without markdown-mode): opens a document, reads its Flymake diagnostics,
;; hovers, applies a quick fix, renames a volume, accepts completions through Eglot's
;; completion-at-point function and types an edit sequence.  Writes what the editor shows (buffer
;; text, diagnostics, hover text) as JSON to $ECI_OUT.
;; Run by test/editors/eglot.test.ts: emacs --batch -l eglot.el
(require 'eglot)
(require 'json)
(require 'cl-lib)

(defvar eci-results nil)
(defvar eci-out (getenv "ECI_OUT"))
(defvar eci-file (getenv "ECI_FILE"))

(define-derived-mode eci-yaml-mode prog-mode "ECI")
(add-to-list 'auto-mode-alist '("\\.eci\\.yaml\\'" . eci-yaml-mode))
(add-to-list 'eglot-server-programs
             `(eci-yaml-mode . ("node" ,(getenv "ECI_SERVER") "--stdio"
                                :initializationOptions ,(json-read-from-string (or (getenv "ECI_INIT_OPTIONS") "{}")))))
(add-hook 'project-find-functions (lambda (_dir) (cons 'transient (file-name-directory eci-file))))

(defun eci-finish (&optional err)
  (with-temp-file eci-out
    (insert (json-encode `((steps . ,(vconcat (reverse eci-results)))
                           ,@(when err `((error . ,(format "%S" err))))))))
  (kill-emacs (if err 1 0)))

(defun eci-wait (pred what &optional timeout)
  (let ((deadline (+ (float-time) (or timeout 10))))
    (while (not (funcall pred))
      (when (> (float-time) deadline) (error "timed out waiting for %s" what))
      (accept-process-output nil 0.02))))

(defun eci-text () (buffer-substring-no-properties (point-min) (point-max)))

(defvar eci-published 0 "How many publishDiagnostics notifications arrived.")
(cl-defmethod eglot-handle-notification :after (_server (_method (eql textDocument/publishDiagnostics)) &rest _)
  (cl-incf eci-published))

(defun eci-sync ()
  "Sends the pending changes and waits for the diagnostics they cause."
  (let ((before eci-published))
    (eglot--signal-textDocument/didChange)
    (eci-wait (lambda () (> eci-published before)) "diagnostics")
    (flymake-start)
    (accept-process-output nil 0.05)))

(defun eci-diagnostics ()
  (let ((list (cl-loop for d in (flymake-diagnostics)
                       for lsp = (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d)))
                       collect `((code . ,(plist-get lsp :code))
                                 (line . ,(1- (line-number-at-pos (flymake-diagnostic-beg d))))
                                 (message . ,(flymake-diagnostic-text d))))))
    (vconcat (sort list (lambda (a b) (or (< (alist-get 'line a) (alist-get 'line b))
                                         (and (= (alist-get 'line a) (alist-get 'line b))
                                              (string< (alist-get 'code a) (alist-get 'code b)))))))))

(defun eci-goto (regexp &optional column)
  (goto-char (point-min))
  (re-search-forward regexp)
  (beginning-of-line)
  (forward-char (or column 0)))

(defmacro eci-step (name &rest body)
  `(let ((started (float-time)))
     (let ((value (progn ,@body)))
       (push `((name . ,,name) (ms . ,(* 1000 (- (float-time) started))) (value . ,value)) eci-results))))

(defun eci-complete (label)
  "Accepts the completion LABEL as `completion-at-point' does: Eglot's capf, the candidate inserted, its exit function."
  (let* ((capf (eglot-completion-at-point))
         (beg (nth 0 capf)) (end (nth 1 capf)) (table (nth 2 capf))
         (exit (plist-get (nthcdr 3 capf) :exit-function))
         (candidates (all-completions "" table))
         (chosen (cl-find label candidates :test #'string=)))
    (unless chosen (error "no completion %s among %S" label candidates))
    (delete-region beg end)
    (goto-char beg)
    (insert chosen)
    (funcall exit chosen 'finished)
    (length candidates)))

(defun eci-quick-fix (line-regexp title-regexp)
  (eci-goto line-regexp)
  (let* ((offered nil)
         (last-nonmenu-event 0))
    (cl-letf (((symbol-function 'completing-read)
               (lambda (_prompt items &rest _)
                 (setq offered (mapcar #'car items))
                 (or (cl-find-if (lambda (title) (string-match-p title-regexp title)) offered) ""))))
      (eglot-code-actions (line-beginning-position) (line-end-position) nil t))
    (eci-sync)
    `((offered . ,(vconcat offered)) (text . ,(eci-text)) (diagnostics . ,(eci-diagnostics)))))

(condition-case err
    (progn
      (find-file eci-file)
      (apply #'eglot (eglot--guess-contact))
      (eci-wait (lambda () (> eci-published 0)) "the first diagnostics")
      (flymake-start)
      (accept-process-output nil 0.05)
      (eci-step "open" `((diagnostics . ,(eci-diagnostics))))

      (eci-step "hover"
        (eci-goto "^RestartPolicy:" 2)
        (let ((hover (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover (eglot--TextDocumentPositionParams))))
          `((kind . ,(plist-get (plist-get hover :contents) :kind))
            (shown . ,(eglot--hover-info (plist-get hover :contents))))))

      ;; ECI_SHORT: open and hover only (the session that checks the language).
      (when (getenv "ECI_SHORT") (eci-finish))
      (eci-step "quick-fix" (eci-quick-fix "^RestartPolicy:" "Change always to Always"))

      (eci-step "rename"
        (eci-goto "^  - Name: data" 10)
        (eglot-rename "shared")
        (eci-sync)
        `((text . ,(eci-text)) (diagnostics . ,(eci-diagnostics))))

      (eci-step "complete-key-and-value"
        (eci-goto "^ContainerGroupName:")
        (end-of-line)
        (insert "\nAutoM")
        (let ((keys (eci-complete "AutoMatchImageCache")))
          (eci-sync)
          (let ((values (eci-complete "true")))
            (eci-sync)
            `((keyItems . ,keys) (valueItems . ,values) (text . ,(eci-text))))))

      (eci-step "complete-snippet"
        (eci-goto "^    Image: busybox")
        (end-of-line)
        (insert "\n    Rea")
        (eci-complete "HTTP probe")
        (eci-sync)
        `((text . ,(eci-text)) (diagnostics . ,(eci-diagnostics))))

      (eci-step "typed-edits"
        (eci-goto "^ContainerGroupName: web")
        (end-of-line)
        (dolist (c (string-to-list "-Edge"))
          (insert (string c))
          (eglot--signal-textDocument/didChange))
        (eci-sync)
        (let ((broken (eci-diagnostics)))
          (dotimes (_ 5) (delete-char -1) (eglot--signal-textDocument/didChange))
          (insert "-edge")
          (eci-sync)
          `((broken . ,broken) (text . ,(eci-text)) (diagnostics . ,(eci-diagnostics)))))
      (eci-finish))
  (error (eci-finish err)))
