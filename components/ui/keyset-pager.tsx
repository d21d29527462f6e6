"use client";

import { Button } from "@/components/ui/button";

// Keyset pages go forward only: back to the first page, or on to the page after the last row shown.
export function KeysetPager({
  onFirstPage,
  onNextPage,
  firstPageLabel,
  nextPageLabel,
}: {
  onFirstPage?: () => void;
  onNextPage?: () => void;
  firstPageLabel: string;
  nextPageLabel: string;
}) {
  return (
    <div className="flex gap-2">
      {onFirstPage ? (
        <Button variant="secondary" onClick={onFirstPage}>
          {firstPageLabel}
        </Button>
      ) : null}
      {onNextPage ? (
        <Button variant="secondary" onClick={onNextPage}>
          {nextPageLabel}
        </Button>
      ) : null}
    </div>
  );
}
