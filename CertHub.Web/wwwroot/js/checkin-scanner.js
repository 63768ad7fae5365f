// 考场签到: reads the 准考证 QR with the phone camera through the browser's BarcodeDetector (no library).
let stream = null;
let timer = null;

export function isSupported() {
    return typeof window.BarcodeDetector === "function" && !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
}

export async function start(video, dotnet) {
    stop(video);
    const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
    video.srcObject = stream;
    await video.play();
    timer = setInterval(async () => {
        try {
            const codes = await detector.detect(video);
            if (codes.length > 0 && codes[0].rawValue) {
                stop(video);
                await dotnet.invokeMethodAsync("OnScanned", codes[0].rawValue);
            }
        } catch {
            // a frame that cannot be read yet: try the next one
        }
    }, 300);
}

export function stop(video) {
    if (timer) { clearInterval(timer); timer = null; }
    if (stream) { stream.getTracks().forEach(t => t.stop()); stream = null; }
    if (video) { video.srcObject = null; }
}
