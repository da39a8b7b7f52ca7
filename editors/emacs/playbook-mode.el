;;; playbook-mode.el --- Playbooks and scenario files, with the playbook language server -*- lexical-binding: t -*-

;; Two major modes, `playbook-mode' for *.playbook and `playbook-scenarios-mode' for *.scenarios:
;; `#' comments, two-space indentation, the words of the language highlighted where they are
;; keywords (the first word of a line), and Eglot started with `playbook lsp' for both, one
;; server per project.  Formatting goes through the server (`playbook fmt'), on save.
;;
;; Load it from your init file:
;;   (load "/path/to/playbook/editors/emacs/playbook-mode.el")
;; Eglot is part of Emacs 29; on Emacs 28, install the `eglot' package first.

;;; Code:

(require 'eglot)

(defconst playbook-mode--identifier "\\(?:\\sw\\|\\s_\\)+"
  "A name: word and symbol characters (they take in Thai's combining marks).")

(defconst playbook-mode--font-lock
  `((,(concat "^[ \t]*\\(stage\\|flow\\)[ \t]+\\(" playbook-mode--identifier "\\)")
     (1 font-lock-keyword-face) (2 font-lock-function-name-face))
    (,(concat "^[ \t]*\\(ask\\|set\\)[ \t]+\\(" playbook-mode--identifier "\\)")
     (1 font-lock-keyword-face) (2 font-lock-variable-name-face))
    (,(concat "^[ \t]*\\(persona\\)[ \t]+\\(" playbook-mode--identifier "\\)")
     (1 font-lock-keyword-face) (2 font-lock-type-face))
    (,(concat "^[ \t]*"
              (regexp-opt '("playbook" "methodology" "language" "version" "description" "outcomes"
                            "use" "term" "role" "context" "goal" "tip" "why" "say" "buyer"
                            "if" "else" "call" "return" "end" "exit" "score" "feedback" "best")
                          t)
              "\\_>")
     (1 font-lock-keyword-face))
    ("\\_<exit[ \t]+\\(when\\)\\_>" (1 font-lock-keyword-face))
    ;; The answer type follows the question's text on an `ask' line.
    ("\"[ \t]+\\(yes/no\\|choice\\|number\\|text\\|scale\\)\\_>" (1 font-lock-type-face))
    ("->" . font-lock-keyword-face)
    ("\\_<\\(yes\\|no\\|next\\|and\\|or\\|not\\)\\_>" (1 font-lock-constant-face))
    ("(\\(win\\|loss\\))" (1 font-lock-constant-face)))
  "What `playbook-mode' highlights besides strings and comments.")

(defconst playbook-scenarios-mode--font-lock
  '(("^\\(scenario\\)\\_>" (1 font-lock-keyword-face))
    ("^[ \t]*\\(expect\\)[ \t]+\\(not[ \t]+\\)?\\(stage\\|blocked\\)?" (1 font-lock-keyword-face)
     (2 font-lock-keyword-face nil t) (3 font-lock-keyword-face nil t))
    ("^[ \t]*\\([^ \t\n#=,\"]+\\)[ \t]*=" (1 font-lock-variable-name-face)))
  "What `playbook-scenarios-mode' highlights besides strings and comments.")

(defvar playbook-mode-syntax-table
  (let ((table (make-syntax-table)))
    (modify-syntax-entry ?# "<" table)
    (modify-syntax-entry ?\n ">" table)
    (modify-syntax-entry ?\" "\"" table)
    (modify-syntax-entry ?\\ "\\" table)
    (modify-syntax-entry ?_ "_" table)
    table)
  "Syntax of both modes: `#' starts a comment outside strings.")

(defun playbook-mode--indent-line ()
  "Indent like the line above; a second TAB indents two more spaces."
  (let ((previous (save-excursion
                    (forward-line -1)
                    (while (and (not (bobp)) (looking-at-p "^[ \t]*\\(#.*\\)?$"))
                      (forward-line -1))
                    (current-indentation))))
    (if (and (eq last-command this-command) (= (current-indentation) previous))
        (indent-line-to (+ previous 2))
      (indent-line-to previous))))

(defun playbook-mode--common ()
  "Settings both modes share."
  (setq-local comment-start "# ")
  (setq-local comment-start-skip "#+[ \t]*")
  (setq-local indent-tabs-mode nil)
  (setq-local tab-width 2)
  (setq-local indent-line-function #'playbook-mode--indent-line)
  (add-hook 'before-save-hook #'playbook-mode--format nil t))

(defun playbook-mode--format ()
  "Format the buffer through the language server, when it is connected."
  (when (eglot-current-server)
    (eglot-format-buffer)))

;;;###autoload
(define-derived-mode playbook-mode prog-mode "Playbook"
  "Major mode for playbook files (docs/language.md)."
  :syntax-table playbook-mode-syntax-table
  (setq-local font-lock-defaults '(playbook-mode--font-lock))
  (playbook-mode--common))

;;;###autoload
(define-derived-mode playbook-scenarios-mode prog-mode "Scenarios"
  "Major mode for the scenario files of `playbook test' (docs/running.md)."
  :syntax-table playbook-mode-syntax-table
  (setq-local font-lock-defaults '(playbook-scenarios-mode--font-lock))
  (playbook-mode--common))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.playbook\\'" . playbook-mode))
;;;###autoload
(add-to-list 'auto-mode-alist '("\\.scenarios\\'" . playbook-scenarios-mode))

;; One server for both modes, told which language each buffer is.
(add-to-list 'eglot-server-programs
             '(((playbook-mode :language-id "playbook")
                (playbook-scenarios-mode :language-id "playbook-scenarios"))
               . ("playbook" "lsp")))

(add-hook 'playbook-mode-hook #'eglot-ensure)
(add-hook 'playbook-scenarios-mode-hook #'eglot-ensure)

(provide 'playbook-mode)
;;; playbook-mode.el ends here
