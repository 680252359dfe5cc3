import { z } from 'zod';

const storeSchema = z.object({
  emails: z.array(
    z.object({
      messageId: z.string(),
      from: z.string(),
      destination: z.object({ to: z.array(z.string()) }),
      subject: z.string(),
      body: z.object({ html: z.string().optional(), text: z.string().optional() }),
    }),
  ),
});

export type StoredEmail = z.infer<typeof storeSchema>['emails'][number];

/** The mail the local SES server accepted (GET /store). */
export async function sentEmails(sesEndpoint: string): Promise<StoredEmail[]> {
  const response = await fetch(`${sesEndpoint}/store`);
  return storeSchema.parse(await response.json()).emails;
}

export async function clearMailbox(sesEndpoint: string): Promise<void> {
  const response = await fetch(`${sesEndpoint}/clear-store`, { method: 'POST' });
  if (!response.ok) throw new Error(`clear-store answered ${response.status}`);
}
