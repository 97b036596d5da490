// Sizes as the db commands print them: megabytes with two decimals, kilobytes whole.

export const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(2)} MB`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
