// 手写签名板: draw with mouse, pen or finger on a canvas; export a PNG data URL ('' when nothing was drawn).
window.certhubSignaturePad = (() => {
    const state = new WeakMap();

    const point = (canvas, e) => {
        const rect = canvas.getBoundingClientRect();
        return {
            x: (e.clientX - rect.left) * (canvas.width / rect.width),
            y: (e.clientY - rect.top) * (canvas.height / rect.height),
        };
    };

    const init = (canvas) => {
        if (!canvas || state.has(canvas)) {
            return;
        }
        const ctx = canvas.getContext('2d');
        ctx.lineWidth = 3;
        ctx.lineCap = 'round';
        ctx.lineJoin = 'round';
        ctx.strokeStyle = '#111';
        const s = { drawing: false, empty: true, last: null };
        state.set(canvas, s);
        canvas.style.touchAction = 'none';
        canvas.dataset.ready = 'true';
        canvas.dataset.empty = 'true';

        canvas.addEventListener('pointerdown', (e) => {
            e.preventDefault();
            canvas.setPointerCapture?.(e.pointerId);
            s.drawing = true;
            s.last = point(canvas, e);
            ctx.beginPath();
            ctx.arc(s.last.x, s.last.y, ctx.lineWidth / 2, 0, Math.PI * 2);
            ctx.fillStyle = ctx.strokeStyle;
            ctx.fill();
            s.empty = false;
            canvas.dataset.empty = 'false';
        });
        canvas.addEventListener('pointermove', (e) => {
            if (!s.drawing) {
                return;
            }
            e.preventDefault();
            const p = point(canvas, e);
            ctx.beginPath();
            ctx.moveTo(s.last.x, s.last.y);
            ctx.lineTo(p.x, p.y);
            ctx.stroke();
            s.last = p;
            s.empty = false;
        });
        const end = () => { s.drawing = false; s.last = null; };
        canvas.addEventListener('pointerup', end);
        canvas.addEventListener('pointercancel', end);
        canvas.addEventListener('pointerleave', end);
    };

    const clear = (canvas) => {
        if (!canvas) {
            return;
        }
        canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
        const s = state.get(canvas);
        if (s) {
            s.empty = true;
        }
        canvas.dataset.empty = 'true';
    };

    const toDataUrl = (canvas) => {
        const s = canvas ? state.get(canvas) : null;
        return !s || s.empty ? '' : canvas.toDataURL('image/png');
    };

    return { init, clear, toDataUrl };
})();
