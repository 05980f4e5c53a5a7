import type { SVGProps } from 'react';

/** The few glyphs the kit draws; decorative, so hidden from assistive technology (the control carries the label). */
function Icon({ children, ...props }: SVGProps<SVGSVGElement>) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  );
}

export const CloseIcon = () => (
  <Icon>
    <path d="M4 4l8 8M12 4l-8 8" />
  </Icon>
);
export const ChevronDownIcon = () => (
  <Icon>
    <path d="M4 6l4 4 4-4" />
  </Icon>
);
export const ChevronLeftIcon = () => (
  <Icon>
    <path d="M10 4L6 8l4 4" />
  </Icon>
);
export const ChevronRightIcon = () => (
  <Icon>
    <path d="M6 4l4 4-4 4" />
  </Icon>
);
export const SortAscendingIcon = () => (
  <Icon>
    <path d="M8 12V4M4.5 7.5L8 4l3.5 3.5" />
  </Icon>
);
export const SortDescendingIcon = () => (
  <Icon>
    <path d="M8 4v8M4.5 8.5L8 12l3.5-3.5" />
  </Icon>
);
export const SortNoneIcon = () => (
  <Icon>
    <path d="M5 6l3-3 3 3M5 10l3 3 3-3" />
  </Icon>
);
export const SearchIcon = () => (
  <Icon>
    <circle cx="7" cy="7" r="4.25" />
    <path d="M10.25 10.25L13.5 13.5" />
  </Icon>
);
export const ColumnsIcon = () => (
  <Icon>
    <rect x="2.5" y="3" width="11" height="10" rx="1.5" />
    <path d="M6.25 3v10M9.75 3v10" />
  </Icon>
);
export const DownloadIcon = () => (
  <Icon>
    <path d="M8 2.5v8M4.75 7.5L8 10.75 11.25 7.5M3 13.5h10" />
  </Icon>
);
export const CheckIcon = () => (
  <Icon>
    <path d="M3.5 8.5l3 3 6-7" />
  </Icon>
);
export const AlertIcon = () => (
  <Icon>
    <path d="M8 2.5L14 13H2L8 2.5zM8 6.5v3M8 11.25v.01" />
  </Icon>
);
export const InfoIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="5.75" />
    <path d="M8 7.25V11M8 5v.01" />
  </Icon>
);
