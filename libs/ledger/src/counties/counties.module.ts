import { Module } from '@nestjs/common';
import { SetContactController } from './set-contact/set-contact.controller';
import { SetContactHandler } from './set-contact/set-contact.handler';

/** Counties as households meet them: whom to ask about a card (联系人) and the hotline. */
@Module({
  controllers: [SetContactController],
  providers: [SetContactHandler],
})
export class CountiesModule {}
