'use client';
import { useEffect, useRef, useState } from 'react';
import { Dialog } from '@kassa/web/ui';
import { frameReader } from '../sell/barcode-reader';
import styles from '../till.module.css';

const EVERY_MS = 150;

function cameraProblem(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError') return 'Camera access was refused. Allow it in the browser settings, or use a scanner.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'This device has no camera the till can use.';
  return 'The camera could not be started.';
}

/** Scans with the tablet's camera; the first barcode read goes to the cart like a typed one. */
export function CameraScanner({ open, onCode, onClose }: { open: boolean; onCode(code: string): void; onClose(): void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string>();
  const found = useRef(onCode);
  found.current = onCode;

  useEffect(() => {
    if (!open) return;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    setProblem(undefined);
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        if (!live || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        const read = await frameReader();
        const tick = async () => {
          const code = live && video.current ? await read(video.current).catch(() => undefined) : undefined;
          if (!live) return;
          if (code) found.current(code);
          else timer = setTimeout(() => void tick(), EVERY_MS);
        };
        void tick();
      } catch (error) {
        if (live) setProblem(cameraProblem(error));
      }
    })();
    return () => {
      live = false;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [open]);

  return (
    <Dialog open={open} onOpenChange={(next) => !next && onClose()} title="Scan with the camera" description="Hold the barcode inside the frame.">
      {problem ? (
        <p role="alert" className={styles.error}>
          {problem}
        </p>
      ) : (
        <video ref={video} className={styles.cameraView} muted playsInline aria-label="Camera view" />
      )}
    </Dialog>
  );
}
