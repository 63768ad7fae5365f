// 富文本编辑器: a contenteditable div with a small toolbar; every change is sent to .NET as HTML (sanitised on save).
window.certhubRichText = (() => {
    const init = (el, dotnet, html) => {
        if (!el || el.dataset.rteReady) {
            return;
        }
        el.dataset.rteReady = '1';
        el.innerHTML = html || '';
        el.addEventListener('input', () => dotnet.invokeMethodAsync('OnHtmlChanged', el.innerHTML));
        el.addEventListener('paste', (e) => {
            // paste as plain text so foreign markup never enters the editor
            e.preventDefault();
            const text = (e.clipboardData || window.clipboardData).getData('text/plain');
            document.execCommand('insertText', false, text);
        });
    };

    const exec = (el, command, value) => {
        if (!el) {
            return;
        }
        el.focus();
        document.execCommand(command, false, value ?? null);
        el.dispatchEvent(new Event('input', { bubbles: true }));
    };

    const setHtml = (el, html) => {
        if (el) {
            el.innerHTML = html || '';
        }
    };

    return { init, exec, setHtml };
})();
