'use client';
import type { StaffMember } from '../till-api';
import styles from '../till.module.css';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');

/** The store's staff as big tiles; someone without a PIN cannot sign in here and says so. */
export function StaffPicker({ staff, label, onPick }: { staff: readonly StaffMember[]; label: string; onPick(member: StaffMember): void }) {
  return (
    <ul className={styles.staffTiles} aria-label={label}>
      {staff.map((member) => (
        <li key={member.id}>
          <button type="button" className={styles.staffTile} disabled={!member.pinSet} onClick={() => onPick(member)}>
            <span className={styles.avatar} aria-hidden="true">
              {initials(member.name)}
            </span>
            <span className={styles.staffName}>{member.name}</span>
            <span className={styles.muted}>{member.pinSet ? member.role : 'no PIN yet'}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
