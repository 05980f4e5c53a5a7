'use client';
import { useState } from 'react';
import { Button, ConfirmDialog, Dialog, Drawer, Input, useToasts } from '@kassa/web/ui';
import { GallerySection, Specimen, galleryStyles as styles } from './gallery-section';

export function OverlaysSection() {
  const toasts = useToasts();
  const [dialog, setDialog] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [typed, setTyped] = useState(false);
  const [drawer, setDrawer] = useState(false);
  return (
    <GallerySection id="overlays" title="Dialogs and drawers" description="Modal on the platform's dialog: focus stays inside and returns; Escape closes.">
      <Specimen title="Dialog">
        <div className={styles.row}>
          <Button onClick={() => setDialog(true)}>Open dialog</Button>
        </div>
        <Dialog
          open={dialog}
          onOpenChange={setDialog}
          title="Rename store"
          description="Receipts printed from now on show the new name."
          footer={
            <>
              <Button onClick={() => setDialog(false)}>Cancel</Button>
              <Button variant="primary" onClick={() => setDialog(false)}>
                Rename
              </Button>
            </>
          }
        >
          <Input label="Store name" defaultValue="Harbour Street" data-autofocus />
        </Dialog>
      </Specimen>
      <Specimen title="ConfirmDialog">
        <div className={styles.row}>
          <Button variant="danger" onClick={() => setConfirm(true)}>
            Void sale
          </Button>
        </div>
        <ConfirmDialog
          open={confirm}
          onOpenChange={setConfirm}
          title="Void sale 1042?"
          description="The sale stays in history as voided and its stock goes back."
          confirmLabel="Void sale"
          tone="danger"
          onConfirm={() =>
            new Promise<void>((resolve) => setTimeout(resolve, 600)).then(() => void toasts.show({ message: 'Sale 1042 voided.', tone: 'success' }))
          }
        />
      </Specimen>
      <Specimen title="ConfirmDialog · typed confirmation">
        <div className={styles.row}>
          <Button variant="danger" onClick={() => setTyped(true)}>
            Delete shop
          </Button>
        </div>
        <ConfirmDialog
          open={typed}
          onOpenChange={setTyped}
          title="Delete Corner Shop?"
          description="Every sale, product and user of the shop is deleted. This cannot be undone."
          confirmLabel="Delete shop"
          tone="danger"
          typedConfirmation="corner-shop"
          onConfirm={() => void toasts.show({ message: 'Not really: this is the gallery.', tone: 'info' })}
        />
      </Specimen>
      <Specimen title="Drawer">
        <div className={styles.row}>
          <Button onClick={() => setDrawer(true)}>Open drawer</Button>
        </div>
        <Drawer
          open={drawer}
          onOpenChange={setDrawer}
          title="Sale 1042"
          description="Today, 14:32 · Till 1"
          footer={<Button onClick={() => setDrawer(false)}>Close</Button>}
        >
          <p className={styles.readout}>2 × Assam tea, 1 × Honey. Paid by card.</p>
        </Drawer>
      </Specimen>
      <Specimen title="Toast">
        <div className={styles.row}>
          <Button onClick={() => toasts.show({ message: 'Settings saved.', tone: 'success' })}>Success toast</Button>
          <Button onClick={() => toasts.show({ message: 'The export could not be downloaded.', tone: 'error' })}>Error toast</Button>
        </div>
      </Specimen>
    </GallerySection>
  );
}
