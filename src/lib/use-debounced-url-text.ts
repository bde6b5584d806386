import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';

/**
 * A search box whose text reaches the URL once the user pauses typing. The box shows what is
 * typed at once; when the URL changes under it (back and forward, Clear filters), it shows
 * what the URL says. Spread the result into a TextInput (`value`, `onChange`).
 */
export function useDebouncedUrlText(urlValue: string, commit: (value: string) => void, delay = 300) {
  const [text, setText] = useState(urlValue);
  // The URL changed under the box: adjusted while rendering, not in an effect (no extra render).
  const [shownUrl, setShownUrl] = useState(urlValue);
  if (shownUrl !== urlValue) {
    setShownUrl(urlValue);
    setText(urlValue);
  }
  const push = useDebouncedCallback(commit, delay);
  return {
    value: text,
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      setText(event.currentTarget.value);
      push(event.currentTarget.value);
    },
  };
}
