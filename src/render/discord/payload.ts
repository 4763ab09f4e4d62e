// The shape the Discord renderer produces: Discord's own JSON for embeds and components, in the
// option object discord.js takes for message.reply(), channel.send() and interaction.reply(), so
// the adapter passes it through untouched.
import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed } from 'discord.js';

export type ActionRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

/**
 * Mentions are never parsed: text users typed is echoed back (statements, questions), and none
 * of it may ping @everyone, @here, a role or a user. repliedUser: false also keeps a reply from
 * pinging the person it answers.
 */
export interface NoMentions {
  parse: [];
  repliedUser: false;
}

export const NO_MENTIONS: NoMentions = Object.freeze({ parse: [], repliedUser: false }) as NoMentions;

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ActionRow[];
  allowedMentions: NoMentions;
  /** MessageFlags, e.g. Ephemeral for replies only the clicker sees. */
  flags?: number;
}

/** One autocomplete suggestion (name shown to the user, value sent back when picked). */
export interface AutocompleteChoice {
  name: string;
  value: string;
}
