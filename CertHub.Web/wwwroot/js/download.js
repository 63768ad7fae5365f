// Saves a .NET stream (DotNetStreamReference) as a file download.
window.downloadFileFromStream = async (fileName, contentStreamReference) => {
    const arrayBuffer = await contentStreamReference.arrayBuffer();
    const blob = new Blob([arrayBuffer]);
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = fileName ?? 'export.xlsx';
    anchor.click();
    anchor.remove();
    URL.revokeObjectURL(url);
};
