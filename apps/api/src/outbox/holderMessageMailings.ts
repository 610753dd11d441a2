import { Injectable } from '@nestjs/common';
import { MessageQueries, type HolderMessageRow } from '@app/read-models';
import { ShowCatalog } from '../catalog/showCatalog';
import type { Mailing, MailingSource, Recipient } from './mailing';

/**
 * Each message to ticket holders is a mailing to every holder of its show (or of its
 * tier) who gave an address. The holders are those the sales read model lists when the
 * outbox works on it; after a crash it goes on with the holders it lists then, and the
 * sent markers keep anyone from getting it twice.
 */
@Injectable()
export class HolderMessageMailings implements MailingSource {
  readonly wakeOn = ['HolderMessagePosted'];

  constructor(
    private readonly messages: MessageQueries,
    private readonly shows: ShowCatalog,
  ) {}

  async pending(): Promise<Mailing[]> {
    const mailings: Mailing[] = [];
    for (const row of this.messages.pendingMailings()) {
      const show = await this.shows.get(row.show_id);
      const title = show ? `${show.eventName}, ${new Date(show.show.startsAt).toISOString().slice(0, 16).replace('T', ' ')} UTC` : row.show_id;
      mailings.push(this.mailing(row, title));
    }
    return mailings;
  }

  private mailing(row: HolderMessageRow, title: string): Mailing {
    const messages = this.messages;
    return {
      kind: 'holder_message',
      ref: row.message_id,
      recipients(): Recipient[] {
        return messages.holders(row.show_id, row.tier).flatMap((customerId) => {
          const address = messages.emailOf(customerId);
          return address === undefined ? [] : [{ customerId, address }];
        });
      },
      render() {
        const about = row.tier === null ? `your tickets for ${title}` : `your ${row.tier} tickets for ${title}`;
        return { subject: row.subject, text: `${row.body}\n\n--\nYou get this message because of ${about}. It is also on your orders page.\n` };
      },
    };
  }
}
