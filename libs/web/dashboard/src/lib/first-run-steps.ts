/** What a new shop has done so far, read from its data. */
export interface FirstRunFacts {
  stores: number;
  tillRegisters: number;
  products: number;
  pairedTills: number;
  users: number;
}

export interface FirstRunStep {
  id: keyof FirstRunFacts;
  title: string;
  description: string;
  href: string;
  action: string;
  done: boolean;
}

/** The walk-through's steps in order, each done when the shop's data says so. */
export function firstRunSteps(facts: FirstRunFacts): FirstRunStep[] {
  return [
    {
      id: 'stores',
      title: 'Create a store',
      description: 'Its name and code go on receipts; its days follow the shop’s time zone.',
      href: '/settings/stores',
      action: 'Add a store',
      done: facts.stores > 0,
    },
    {
      id: 'tillRegisters',
      title: 'Add a till register',
      description: 'Each till numbers its own receipts.',
      href: '/settings/stores',
      action: 'Add a register',
      done: facts.tillRegisters > 0,
    },
    {
      id: 'products',
      title: 'Add products',
      description: 'One by one, or import a spreadsheet.',
      href: '/products',
      action: 'Add or import products',
      done: facts.products > 0,
    },
    {
      id: 'pairedTills',
      title: 'Pair a till',
      description: 'Open Kassa on the counter tablet and pair it with a register.',
      href: '/devices',
      action: 'Pair a tablet',
      done: facts.pairedTills > 0,
    },
    {
      id: 'users',
      title: 'Invite your staff',
      description: 'Managers and cashiers sign in with their own account and PIN.',
      href: '/users',
      action: 'Invite someone',
      done: facts.users > 1,
    },
  ];
}
