import { useState } from 'react';
import { Dialog } from '../../../ui/Dialog';

/** Asks once for the name comments are signed with. */
export function AuthorNameDialog({
  onSave,
  onClose,
}: {
  onSave: (name: string) => void;
  onClose: () => void;
}) {
  const [name, setName] = useState('');
  const valid = name.trim().length > 0 && name.trim().length <= 200;
  return (
    <Dialog
      title="Your name for comments"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="author-name-form" className="btn btn-primary" disabled={!valid}>
            Save name
          </button>
        </>
      }
    >
      <form
        id="author-name-form"
        className="field"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) onSave(name.trim());
        }}
      >
        <label htmlFor="author-name">Name</label>
        <input
          id="author-name"
          data-autofocus
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
        />
        <p className="field-hint">Shown on every comment you write; asked once, kept on this computer.</p>
      </form>
    </Dialog>
  );
}
