// 富文本编辑: a contenteditable div; toolbar commands and the edited HTML are passed to .NET.
window.certhubRichText = {
    init: (element, dotnet, html) => {
        element.innerHTML = html ?? '';
        element.addEventListener('input', () => dotnet.invokeMethodAsync('OnHtmlChanged', element.innerHTML));
    },
    exec: (element, command, value) => {
        element.focus();
        document.execCommand(command, false, value ?? null);
        return element.innerHTML;
    },
};
